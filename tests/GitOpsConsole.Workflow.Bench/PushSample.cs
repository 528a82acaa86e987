using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Workflow.Bench;

/// <summary>One push's way to Healthy, in milliseconds from the start of <c>git push</c>, with its phases from the run's steps.</summary>
internal sealed record PushSample(double TotalMs, double BuildMs, double CommitMs, double SyncMs, double HealthMs)
{
    public static PushSample From(Run run, DateTimeOffset pushedAt)
    {
        double End(params string[] tools) => (run.Steps.Last(s => tools.Contains(s.Tool)).FinishedAt!.Value - pushedAt).TotalMilliseconds;
        // The agent skips ci.get_build when ci.trigger_build already answered with a finished build.
        var built = End("ci.trigger_build", "ci.get_build");
        var committed = End("values.set_image_tag");
        var synced = End("operator.sync");
        var healthy = (run.HealthyAt!.Value - pushedAt).TotalMilliseconds;
        return new PushSample(healthy, built, committed - built, synced - committed, healthy - synced);
    }

    public string Describe(int index) =>
        $"push {index,3}: {TotalMs,6:F0} ms (build {BuildMs:F0}, commit {CommitMs:F0}, sync {SyncMs:F0}, healthy {HealthMs:F0})";
}
