using System.Globalization;
using System.Text.RegularExpressions;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>A semantic version as Masterminds/semver reads it (leading v and missing minor/patch allowed).</summary>
internal sealed partial class SemanticVersion : IHostObject, IComparable<SemanticVersion>
{
    private SemanticVersion(string original, long major, long minor, long patch, string prerelease, string metadata, int parts)
    {
        Original = original;
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Metadata = metadata;
        Parts = parts;
    }

    public string Original { get; }

    public long Major { get; }

    public long Minor { get; }

    public long Patch { get; }

    public string Prerelease { get; }

    public string Metadata { get; }

    /// <summary>How many numeric parts were written (1..3); constraints treat missing ones as wildcards.</summary>
    public int Parts { get; }

    public string GoTypeName => "*semver.Version";

    [GeneratedRegex(@"^v?([0-9]+)(\.([0-9]+|[xX*]))?(\.([0-9]+|[xX*]))?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$")]
    private static partial Regex Pattern();

    public static bool TryParse(string text, out SemanticVersion version)
    {
        var match = Pattern().Match(text.Trim());
        version = null!;
        if (!match.Success)
        {
            return false;
        }

        static long Number(Group g) => g.Success && long.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var parts = 1 + (match.Groups[3].Success && char.IsAsciiDigit(match.Groups[3].Value[0]) ? 1 : 0) +
                    (match.Groups[5].Success && char.IsAsciiDigit(match.Groups[5].Value[0]) ? 1 : 0);
        version = new SemanticVersion(text, Number(match.Groups[1]), Number(match.Groups[3]), Number(match.Groups[5]),
            match.Groups[7].Value, match.Groups[10].Value, parts);
        return true;
    }

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FunctionException("invalid semantic version");

    public SemanticVersion With(long major, long minor, long patch) => new(Original, major, minor, patch, string.Empty, string.Empty, 3);

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        c = c != 0 ? c : Minor.CompareTo(other.Minor);
        c = c != 0 ? c : Patch.CompareTo(other.Patch);
        return c != 0 ? c : ComparePrerelease(Prerelease, other.Prerelease);
    }

    private static int ComparePrerelease(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        if (a.Length == 0)
        {
            return 1;
        }

        if (b.Length == 0)
        {
            return -1;
        }

        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            var na = long.TryParse(pa[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var nb = long.TryParse(pb[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var c = (na, nb) switch
            {
                (true, true) => x.CompareTo(y),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(pa[i], pb[i]),
            };
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return pa.Length.CompareTo(pb.Length);
    }

    public override string ToString()
    {
        var text = $"{Major}.{Minor}.{Patch}";
        text += Prerelease.Length > 0 ? "-" + Prerelease : string.Empty;
        return text + (Metadata.Length > 0 ? "+" + Metadata : string.Empty);
    }

    public bool TryInvoke(string member, IReadOnlyList<object?> args, out object? result)
    {
        result = member switch
        {
            "Major" => Major,
            "Minor" => Minor,
            "Patch" => Patch,
            "Prerelease" => Prerelease,
            "Metadata" => Metadata,
            "Original" => Original,
            "String" => ToString(),
            _ => null,
        };
        return result is not null;
    }
}
