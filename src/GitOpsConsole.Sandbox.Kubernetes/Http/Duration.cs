using System.Globalization;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>kubectl's human-readable ages: 45s, 3m12s, 25m, 5h3m, 2d4h.</summary>
internal static class Duration
{
    public static string Age(DateTimeOffset? since, DateTimeOffset now) => since is null ? "<unknown>" : Human(now - since.Value);

    public static string Human(TimeSpan d)
    {
        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }
        var s = (long)d.TotalSeconds;
        FormattableString text = s switch
        {
            < 120 => $"{s}s",
            < 600 => $"{s / 60}m{s % 60}s",
            < 3 * 3600 => $"{s / 60}m",
            < 8 * 3600 => $"{s / 3600}h{s % 3600 / 60}m",
            < 48 * 3600 => $"{s / 3600}h",
            < 8 * 86400 => $"{s / 86400}d{s % 86400 / 3600}h",
            _ => $"{s / 86400}d",
        };
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
