using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Functions;

/// <summary>Formats a time with a Go reference layout (Mon Jan 2 15:04:05 MST 2006).</summary>
internal static class GoTimeLayout
{
    private static readonly (string Token, Func<DateTimeOffset, string> Format)[] Tokens =
    [
        ("January", t => t.ToString("MMMM", CultureInfo.InvariantCulture)),
        ("Monday", t => t.ToString("dddd", CultureInfo.InvariantCulture)),
        ("Z07:00", t => t.Offset == TimeSpan.Zero ? "Z" : t.ToString("zzz", CultureInfo.InvariantCulture)),
        ("-07:00", t => t.ToString("zzz", CultureInfo.InvariantCulture)),
        ("-0700", t => t.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty, StringComparison.Ordinal)),
        ("2006", t => t.ToString("yyyy", CultureInfo.InvariantCulture)),
        (".000000000", t => "." + t.ToString("fffffff", CultureInfo.InvariantCulture) + "00"),
        (".000000", t => "." + t.ToString("ffffff", CultureInfo.InvariantCulture)),
        (".000", t => "." + t.ToString("fff", CultureInfo.InvariantCulture)),
        ("Jan", t => t.ToString("MMM", CultureInfo.InvariantCulture)),
        ("Mon", t => t.ToString("ddd", CultureInfo.InvariantCulture)),
        ("MST", t => t.Offset == TimeSpan.Zero ? "UTC" : t.ToString("zzz", CultureInfo.InvariantCulture)),
        ("_2", t => t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)),
        ("01", t => t.ToString("MM", CultureInfo.InvariantCulture)),
        ("02", t => t.ToString("dd", CultureInfo.InvariantCulture)),
        ("03", t => t.ToString("hh", CultureInfo.InvariantCulture)),
        ("04", t => t.ToString("mm", CultureInfo.InvariantCulture)),
        ("05", t => t.ToString("ss", CultureInfo.InvariantCulture)),
        ("06", t => t.ToString("yy", CultureInfo.InvariantCulture)),
        ("15", t => t.ToString("HH", CultureInfo.InvariantCulture)),
        ("PM", t => t.ToString("tt", CultureInfo.InvariantCulture)),
        ("pm", t => t.ToString("tt", CultureInfo.InvariantCulture).ToLowerInvariant()),
        ("1", t => t.Month.ToString(CultureInfo.InvariantCulture)),
        ("2", t => t.Day.ToString(CultureInfo.InvariantCulture)),
        ("3", t => (t.Hour % 12 == 0 ? 12 : t.Hour % 12).ToString(CultureInfo.InvariantCulture)),
        ("4", t => t.Minute.ToString(CultureInfo.InvariantCulture)),
        ("5", t => t.Second.ToString(CultureInfo.InvariantCulture)),
    ];

    public static string Format(DateTimeOffset time, string layout)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < layout.Length)
        {
            var matched = false;
            foreach (var (token, format) in Tokens)
            {
                if (string.CompareOrdinal(layout, i, token, 0, token.Length) == 0)
                {
                    sb.Append(format(time));
                    i += token.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                sb.Append(layout[i++]);
            }
        }

        return sb.ToString();
    }
}
