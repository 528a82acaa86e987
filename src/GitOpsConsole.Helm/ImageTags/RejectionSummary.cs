using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>Turns the rejections into one sentence a person can act on: how many tags fell out for each cause, with examples.</summary>
internal static class RejectionSummary
{
    private const int Examples = 3;

    public static string NoCandidate(int seen, string strategy, IReadOnlyList<TagRejection> rejections)
    {
        if (seen == 0)
        {
            return $"no tag qualifies for {strategy}: the registry reported no tags";
        }

        var causes = rejections.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(Describe);
        return $"no tag qualifies for {strategy}: {seen} tag(s) seen; {string.Join("; ", causes)}";
    }

    private static string Describe(IGrouping<TagRejectionKind, TagRejection> group)
    {
        var names = group.Select(r => r.Tag).Take(Examples + 1).ToList();
        var examples = string.Join(", ", names.Take(Examples)) + (names.Count > Examples ? ", …" : string.Empty);
        var detail = group.Select(r => r.Reason).Distinct(StringComparer.Ordinal).Count() == 1 ? group.First().Reason : Label(group.Key);
        return $"{group.Count()} {detail} ({examples})";
    }

    private static string Label(TagRejectionKind kind) => kind switch
    {
        TagRejectionKind.InvalidTag => "not valid OCI tags",
        TagRejectionKind.NotAllowed => "not matched by the allow pattern",
        TagRejectionKind.Ignored => "matched an ignore pattern",
        TagRejectionKind.NotSemver => "not semantic versions",
        TagRejectionKind.Prerelease => "prereleases the constraint does not name",
        TagRejectionKind.OutsideConstraint => "outside the constraint",
        TagRejectionKind.NoCreationTime => "without a known creation time",
        TagRejectionKind.NotTracked => "not the followed tag",
        _ => "without a valid digest",
    };
}
