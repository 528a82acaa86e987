using System.Globalization;
using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Agent.Policies;

/// <summary>A freeze window parsed from configuration: whether an instant falls inside it, and when that stretch ends.</summary>
public sealed record FreezeWindow(string Name, TimeOnly Start, TimeOnly End, IReadOnlySet<DayOfWeek> Days, TimeZoneInfo Zone, FreezeAction Action)
{
    public static FreezeWindow Parse(FreezeWindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FreezeWindow(options.Name, ParseTime(options.Start, "Start"), ParseTime(options.End, "End"), options.Days.ToHashSet(),
            TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(options.TimeZone) ? "UTC" : options.TimeZone), options.Action);
    }

    public static TimeOnly ParseTime(string text, string what) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : throw new FormatException($"{what} must be a time of day as HH:mm, got '{text}'.");

    /// <summary>The end (UTC) of the stretch of this window that contains <paramref name="now"/>, or null when outside.</summary>
    public DateTimeOffset? EndOfStretch(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var today = DateOnly.FromDateTime(local.DateTime);
        DateOnly startDay;
        if (Start < End)
        {
            if (time < Start || time >= End)
            {
                return null;
            }

            startDay = today;
        }
        else if (time >= Start)
        {
            startDay = today;
        }
        else if (time < End)
        {
            startDay = today.AddDays(-1);
        }
        else
        {
            return null;
        }

        if (Days.Count > 0 && !Days.Contains(startDay.DayOfWeek))
        {
            return null;
        }

        var endDay = Start < End ? startDay : startDay.AddDays(1);
        var endLocal = endDay.ToDateTime(End);
        return new DateTimeOffset(endLocal, Zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }
}
