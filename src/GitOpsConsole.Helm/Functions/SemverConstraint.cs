using System.Text.RegularExpressions;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>
/// Masterminds/semver constraints: <c>||</c> of comma/space separated comparisons with =, !=, &gt;, &lt;, &gt;=, &lt;=, ~, ^,
/// x-wildcards and hyphen ranges. A version with a prerelease only matches comparisons that carry one.
/// </summary>
internal static partial class SemverConstraint
{
    [GeneratedRegex(@"\s*(!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*(v?[0-9xX*][0-9A-Za-z.\-+*]*)\s*")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"\s+-\s+")]
    private static partial Regex Hyphen();

    public static bool Satisfies(string constraint, SemanticVersion version) =>
        constraint.Split("||").Any(group => SatisfiesAll(group.Trim(), version));

    private static bool SatisfiesAll(string group, SemanticVersion version)
    {
        var hyphen = Hyphen().Split(group);
        if (hyphen.Length == 2)
        {
            return Check(">=", hyphen[0], version) && Check("<=", hyphen[1], version);
        }

        var matches = Comparison().Matches(group.Replace(",", " ", StringComparison.Ordinal));
        if (matches.Count == 0)
        {
            throw new FunctionException($"improper constraint: {group}");
        }

        return matches.All(m => Check(m.Groups[1].Value, m.Groups[2].Value, version));
    }

    private static bool Check(string op, string bound, SemanticVersion version)
    {
        var wildcard = bound is "*" or "x" or "X" || bound.EndsWith(".x", StringComparison.OrdinalIgnoreCase) || bound.EndsWith(".*", StringComparison.Ordinal);
        var trimmed = wildcard && bound.Length > 1 ? bound[..^2] : bound;
        if (bound is "*" or "x" or "X")
        {
            return version.Prerelease.Length == 0;
        }

        if (!SemanticVersion.TryParse(trimmed, out var c))
        {
            throw new FunctionException($"improper constraint: {op}{bound}");
        }

        if (version.Prerelease.Length > 0 && c.Prerelease.Length == 0)
        {
            return false;
        }

        var parts = c.Parts;
        var cmp = version.CompareTo(c);
        return op switch
        {
            "" or "=" => parts == 3 ? cmp == 0 : InRange(version, c, NextUp(c, parts)),
            "!=" => parts == 3 ? cmp != 0 : !InRange(version, c, NextUp(c, parts)),
            ">" => parts == 3 ? cmp > 0 : version.CompareTo(NextUp(c, parts)) >= 0,
            "<" => cmp < 0,
            ">=" or "=>" => cmp >= 0,
            "<=" or "=<" => parts == 3 ? cmp <= 0 : version.CompareTo(NextUp(c, parts)) < 0,
            "~" or "~>" => InRange(version, c, parts == 1 ? c.With(c.Major + 1, 0, 0) : c.With(c.Major, c.Minor + 1, 0)),
            "^" => InRange(version, c, Caret(c, parts)),
            _ => throw new FunctionException($"improper constraint: {op}{bound}"),
        };
    }

    private static bool InRange(SemanticVersion v, SemanticVersion low, SemanticVersion high) =>
        v.CompareTo(low) >= 0 && v.CompareTo(high) < 0;

    private static SemanticVersion NextUp(SemanticVersion c, int parts) => parts switch
    {
        1 => c.With(c.Major + 1, 0, 0),
        2 => c.With(c.Major, c.Minor + 1, 0),
        _ => c.With(c.Major, c.Minor, c.Patch + 1),
    };

    private static SemanticVersion Caret(SemanticVersion c, int parts)
    {
        if (c.Major > 0 || parts == 1)
        {
            return c.With(c.Major + 1, 0, 0);
        }

        if (c.Minor > 0 || parts == 2)
        {
            return c.With(0, c.Minor + 1, 0);
        }

        return c.With(0, 0, c.Patch + 1);
    }
}
