using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>Where a run ended against where the scenario says it should: each difference in one sentence.</summary>
public static class EndStateCheck
{
    public static IReadOnlyList<string> Misses(EngineRecord record, ExpectedEnd expected)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(expected);
        var misses = new List<string>();
        if (record.Run.Status != expected.Outcome)
        {
            misses.Add($"outcome {record.Run.Status}, expected {expected.Outcome}");
        }

        if (expected.Commits is { } commits && record.Run.CommitsMade != commits)
        {
            misses.Add($"{record.Run.CommitsMade} commits, expected {commits}");
        }

        if (record.End is not { } end)
        {
            misses.Add("the end state could not be read");
            return misses;
        }

        if (end.Health != expected.Health)
        {
            misses.Add($"health {end.Health}, expected {expected.Health}");
        }

        var want = expected.Image == ExpectedImage.New ? end.NewImage : end.PreviousImage;
        if (!SameImage(end.RunningImage, want))
        {
            misses.Add($"runs {end.RunningImage ?? "nothing"}, expected the {expected.Image.ToString().ToLowerInvariant()} image {want ?? "(unknown)"}");
        }

        return misses;
    }

    /// <summary>Same repository path and tag; the registry host may differ in spelling (the sandbox's Find ignores it too).</summary>
    private static bool SameImage(string? running, string? wanted) =>
        running is not null && wanted is not null && Path(running) == Path(wanted);

    private static string Path(string image) => image.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? image[(slash + 1)..] : image;
}
