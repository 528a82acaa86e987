using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Helm.ImageTags;

namespace GitOpsConsole.Web.Runs;

/// <summary>
/// The start-up half of image policy validation that needs the selector: a semver constraint or tag pattern that
/// does not parse stops the start instead of making every release a "no tag qualifies".
/// </summary>
internal static class ImagePolicyCheck
{
    public static IEnumerable<string> Validate(GitOpsOptions options)
    {
        for (var i = 0; i < options.Applications.Count; i++)
        {
            if (options.Applications[i].ImagePolicy is not { } policy || ImagePolicyValidator.Validate(policy, "").Any())
            {
                continue; // absent, or already reported by GitOpsOptionsValidator
            }

            string? problem = null;
            try
            {
                TagSelector.Validate(policy.ToPolicy().ToSelectionOptions());
            }
            catch (ArgumentException ex)
            {
                problem = ex.Message.Split(" (Parameter", 2)[0];
            }

            if (problem is not null)
            {
                yield return $"{GitOpsOptions.SectionName}:Applications:{i}:ImagePolicy: {problem}.";
            }
        }
    }
}
