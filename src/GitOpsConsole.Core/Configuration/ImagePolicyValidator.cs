using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// What Core can check of an image policy: the strategy name and the digest strategy's followed tag. Constraints and
/// patterns are checked at start by the selector itself (<c>TagSelector.Validate</c>), which owns their grammar.
/// </summary>
public static class ImagePolicyValidator
{
    public static IEnumerable<string> Validate(ImagePolicyOptions policy, string key)
    {
        ArgumentNullException.ThrowIfNull(policy);
        UpdateStrategy strategy;
        try
        {
            strategy = UpdateStrategies.Parse(policy.Strategy);
        }
        catch (ArgumentException ex)
        {
            return [$"{key}:Strategy: {ex.Message.Split(" (Parameter", 2)[0]}."];
        }

        if (strategy == UpdateStrategy.Digest && !OciTag.IsValidTag(policy.Constraint?.Trim()))
        {
            return [$"{key}:Constraint: the digest strategy follows one tag; set Constraint to it (e.g. latest), got '{policy.Constraint}'."];
        }

        return [];
    }
}
