using System.Text.RegularExpressions;
using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>Allow and ignore patterns, plus the OCI grammar check no strategy may skip.</summary>
internal sealed class TagFilter
{
    // Patterns come from users' configuration; a timeout keeps a catastrophic pattern from stalling the updater.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex? allow;
    private readonly IReadOnlyList<Regex> ignore;

    public TagFilter(TagSelectionOptions options)
    {
        allow = string.IsNullOrEmpty(options.AllowTags) ? null : Compile(options.AllowTags, "allow");
        ignore = options.IgnoreTags.Select(p => Compile(p, "ignore")).ToList();
    }

    public bool Admits(RegistryTag tag, ICollection<TagRejection> rejections)
    {
        var rejection = Check(tag.Name);
        if (rejection is not null)
        {
            rejections.Add(rejection);
        }

        return rejection is null;
    }

    private TagRejection? Check(string name)
    {
        if (!OciTag.IsValidTag(name))
        {
            return new TagRejection(name, TagRejectionKind.InvalidTag, "outside the OCI tag grammar");
        }

        if (allow is not null && !Matches(allow, name))
        {
            return new TagRejection(name, TagRejectionKind.NotAllowed, $"not matched by allow pattern {allow}");
        }

        var ignored = ignore.FirstOrDefault(r => Matches(r, name));
        return ignored is null ? null : new TagRejection(name, TagRejectionKind.Ignored, $"matched ignore pattern {ignored}");
    }

    private static bool Matches(Regex regex, string name)
    {
        try
        {
            return regex.IsMatch(name);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new ArgumentException($"tag pattern {regex} took too long on '{name}'; simplify it", ex);
        }
    }

    private static Regex Compile(string pattern, string role)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{role} pattern '{pattern}' is not a valid regular expression: {ex.Message}", ex);
        }
    }
}
