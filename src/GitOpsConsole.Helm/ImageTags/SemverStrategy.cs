using System.Text.RegularExpressions;
using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.ImageTags;

/// <summary>
/// Highest semantic version (a leading v is tolerated on tags and constraints), using the Masterminds constraint rules
/// Helm's semverCompare uses: a prerelease only qualifies when the constraint names one (<c>1.x-0</c>, <c>&gt;=2.0.0-rc.1</c>).
/// Without a constraint prereleases are left out too: an unattended updater should not move to an rc on its own.
/// </summary>
internal static partial class SemverStrategy
{
    // One comparison: optional operator, then a version that may use x/X/* wildcards.
    [GeneratedRegex(@"\A\s*(?:(?:!=|>=|=>|<=|=<|~>|>|<|=|~|\^)?\s*v?[0-9xX*][0-9A-Za-z.\-+*]*\s*,?\s*)+\z|\A\s*v?[0-9][0-9A-Za-z.\-+]*\s+-\s+v?[0-9][0-9A-Za-z.\-+]*\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConstraintGroup();

    public static StrategyPick Pick(IReadOnlyList<RegistryTag> candidates, string? constraint, ICollection<TagRejection> rejections)
    {
        var bound = string.IsNullOrWhiteSpace(constraint) ? null : Validate(constraint.Trim());
        RegistryTag? best = null;
        SemanticVersion? bestVersion = null;
        var qualifying = 0;
        foreach (var tag in candidates)
        {
            if (Reject(tag, bound, out var version) is { } rejection)
            {
                rejections.Add(rejection);
                continue;
            }

            qualifying++;
            var c = version.CompareTo(bestVersion);
            if (c > 0 || (c == 0 && string.CompareOrdinal(tag.Name, best!.Name) > 0))
            {
                (best, bestVersion) = (tag, version);
            }
        }

        return best is null ? StrategyPick.None
            : new StrategyPick(best, $"highest of {qualifying} semantic version(s){(bound is null ? string.Empty : $" matching {bound}")}");
    }

    private static TagRejection? Reject(RegistryTag tag, string? bound, out SemanticVersion version)
    {
        if (!SemanticVersion.TryParse(tag.Name, out version))
        {
            return new TagRejection(tag.Name, TagRejectionKind.NotSemver, "not semver");
        }

        if (bound is null)
        {
            return version.Prerelease.Length == 0 ? null
                : new TagRejection(tag.Name, TagRejectionKind.Prerelease, "prerelease, and no constraint names one (e.g. 1.x-0)");
        }

        if (SemverConstraint.Satisfies(bound, version))
        {
            return null;
        }

        // A hyphen range ("1.0 - 2.0") is not a prerelease; any other '-' in the constraint is one.
        return version.Prerelease.Length > 0 && !bound.Replace(" - ", " ", StringComparison.Ordinal).Contains('-', StringComparison.Ordinal)
            ? new TagRejection(tag.Name, TagRejectionKind.Prerelease, $"prerelease not named by {bound}")
            : new TagRejection(tag.Name, TagRejectionKind.OutsideConstraint, $"outside {bound}");
    }

    /// <summary>Checked up front: a typo must not silently match nothing (or everything).</summary>
    private static string Validate(string constraint)
    {
        var groups = constraint.Split("||");
        if (groups.Any(g => !ConstraintGroup().IsMatch(g)))
        {
            throw new ArgumentException($"'{constraint}' is not a semver constraint (examples: ~1.4, ^1.2, >=1.2 <2.0, 1.x, 1.2.3)", nameof(constraint));
        }

        try
        {
            SemverConstraint.Satisfies(constraint, SemanticVersion.Parse("0.0.0"));
        }
        catch (FunctionException ex)
        {
            throw new ArgumentException($"'{constraint}' is not a semver constraint: {ex.Message}", nameof(constraint), ex);
        }

        return constraint;
    }
}
