using System.Globalization;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>now, date, dateInZone, unixEpoch, htmlDate; the clock comes from the injected TimeProvider.</summary>
internal static class DateFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("now", 0, (c, _) => c.Services.Time.GetUtcNow());
        r.Fixed("date", 2, (c, a) => GoTimeLayout.Format(ToTime(a[1], c), Args.String(a, 0)));
        r.Fixed("dateInZone", 3, (c, a) => GoTimeLayout.Format(InZone(ToTime(a[1], c), Args.String(a, 2)), Args.String(a, 0)));
        r.Fixed("htmlDate", 1, (c, a) => GoTimeLayout.Format(ToTime(a[0], c), "2006-01-02"));
        r.Fixed("unixEpoch", 1, (c, a) => ToTime(a[0], c).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        r.Fixed("toDate", 2, (_, a) => DateTimeOffset.Parse(Args.String(a, 1), CultureInfo.InvariantCulture));
    }

    /// <summary>Sprig's date accepts a time, or Unix seconds as an int; anything else formats the current time.</summary>
    private static DateTimeOffset ToTime(object? value, CallContext context) => value switch
    {
        DateTimeOffset t => t,
        long seconds => DateTimeOffset.FromUnixTimeSeconds(seconds),
        double seconds => DateTimeOffset.FromUnixTimeSeconds((long)seconds),
        _ => context.Services.Time.GetUtcNow(),
    };

    private static DateTimeOffset InZone(DateTimeOffset time, string zone)
    {
        try
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return TimeZoneInfo.ConvertTime(time, info);
        }
        catch (TimeZoneNotFoundException)
        {
            return time.ToUniversalTime();
        }
    }
}
