using System.Globalization;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Web.Components.Runs;

/// <summary>
/// A run's durations as the pages and <c>GET /api/runs</c> report them. Wall time runs from the start to the end
/// (to now while it runs); time to healthy from the event's arrival, the figure a person pushing cares about.
/// </summary>
public sealed record RunTimes(TimeSpan? WallTime, TimeSpan? TimeToHealthy)
{
    public static RunTimes Of(Run run, TriggerEvent? trigger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        TimeSpan? wall = run.StartedAt is { } started ? (run.FinishedAt ?? now) - started : null;
        TimeSpan? healthy = run.HealthyAt is { } at ? at - (trigger?.ReceivedAt ?? run.CreatedAt) : null;
        return new RunTimes(wall, healthy);
    }

    /// <summary>"850 ms", "4.2 s", "3 m 05 s", "1 h 02 m"; "—" when unknown.</summary>
    public static string Format(TimeSpan? duration) => duration switch
    {
        null => "—",
        { } d when d < TimeSpan.Zero => "0 ms",
        { TotalSeconds: < 1 } d => $"{d.TotalMilliseconds:0} ms",
        { TotalSeconds: < 60 } d => string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0.0} s"),
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} m {d.Seconds:00} s",
        { } d => $"{(int)d.TotalHours} h {d.Minutes:00} m",
    };

    /// <summary>The random end of a run id: version-7 ids of runs made close together share their first digits.</summary>
    public static string ShortId(Guid id) => id.ToString("N")[^8..];

    public static string ShortSha(string? sha) => sha is null ? "" : CommitSha.Abbreviate(sha);
}
