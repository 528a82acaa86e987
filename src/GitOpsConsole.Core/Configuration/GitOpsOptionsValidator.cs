using System.Text.RegularExpressions;

namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// Checks the whole <c>GitOps</c> section and names each offending key, so a bad value stops the
/// start with a message an operator can act on.
/// </summary>
public static partial class GitOpsOptionsValidator
{
    public static IReadOnlyList<string> Validate(GitOpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string root = GitOpsOptions.SectionName;

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{root}:DataDirectory: must not be empty.");
        }

        if (options.Auth.MaxFailedSignIns < 1)
        {
            errors.Add($"{root}:Auth:MaxFailedSignIns: must be at least 1, got {options.Auth.MaxFailedSignIns}.");
        }

        if (options.Auth.LockoutSeconds < 1)
        {
            errors.Add($"{root}:Auth:LockoutSeconds: must be at least 1, got {options.Auth.LockoutSeconds}.");
        }

        if (options.Auth.SessionHours is < 1 or > 24 * 30)
        {
            errors.Add($"{root}:Auth:SessionHours: must be between 1 and 720, got {options.Auth.SessionHours}.");
        }

        if (options.Sandbox.PodStartupSeconds is < 0)
        {
            errors.Add($"{root}:Sandbox:PodStartupSeconds: must be 0 or more, got {options.Sandbox.PodStartupSeconds}.");
        }

        foreach (var (name, port) in new[] { ("KubernetesPort", options.Sandbox.KubernetesPort), ("RegistryPort", options.Sandbox.RegistryPort) })
        {
            if (port is < 0 or > 65535)
            {
                errors.Add($"{root}:Sandbox:{name}: must be a TCP port (0–65535; 0 = any free port), got {port}.");
            }
        }

        if (options.Sandbox.MaxConcurrentBuilds < 1)
        {
            errors.Add($"{root}:Sandbox:MaxConcurrentBuilds: must be at least 1, got {options.Sandbox.MaxConcurrentBuilds}.");
        }

        if (options.Webhooks.MaxBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            errors.Add($"{root}:Webhooks:MaxBodyBytes: must be between 1024 and 104857600, got {options.Webhooks.MaxBodyBytes}.");
        }

        string[] providers = ["Offline", "OpenAI", "AzureOpenAI", "OpenAICompatible"];
        if (!providers.Contains(options.Agent.Provider, StringComparer.Ordinal))
        {
            errors.Add($"{root}:Agent:Provider: '{options.Agent.Provider}' is not one of {string.Join(", ", providers)}.");
        }

        errors.AddRange(AgentOptionsValidator.Validate(options.Agent, $"{root}:Agent"));

        if (options.Operator.RefreshInterval != TimeSpan.Zero
            && (options.Operator.RefreshInterval < TimeSpan.FromSeconds(1) || options.Operator.RefreshInterval > TimeSpan.FromDays(1)))
        {
            errors.Add($"{root}:Operator:RefreshInterval: must be 0 (off) or between 00:00:01 and 1.00:00:00, got {options.Operator.RefreshInterval}.");
        }

        if (options.Ingestion.PollInterval != TimeSpan.Zero
            && (options.Ingestion.PollInterval < TimeSpan.FromSeconds(1) || options.Ingestion.PollInterval > TimeSpan.FromDays(1)))
        {
            errors.Add($"{root}:Ingestion:PollInterval: must be 0 (off) or between 00:00:01 and 1.00:00:00, got {options.Ingestion.PollInterval} (a TimeSpan: 00:01:00 is a minute; a bare number means days).");
        }

        if (options.Scenarios.KeepTwinRuns is < 0 or > 1000)
        {
            errors.Add($"{root}:Scenarios:KeepTwinRuns: must be between 0 and 1000, got {options.Scenarios.KeepTwinRuns}.");
        }

        ValidateApplications(options.Applications, errors);
        errors.AddRange(HostingOptionsValidator.Validate(options));
        errors.AddRange(IntegrationOptionsValidator.Validate(options));
        return errors;
    }

    private static void ValidateApplications(List<ApplicationOptions> applications, List<string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < applications.Count; i++)
        {
            var app = applications[i];
            var key = $"{GitOpsOptions.SectionName}:Applications:{i}";
            if (!DnsLabel().IsMatch(app.Name))
            {
                errors.Add($"{key}:Name: '{app.Name}' must be a DNS label (lowercase letters, digits and '-', at most 63 characters).");
            }
            else if (!seen.Add(app.Name))
            {
                errors.Add($"{key}:Name: '{app.Name}' is declared twice.");
            }

            if (string.IsNullOrWhiteSpace(app.Environment))
            {
                errors.Add($"{key}:Environment: must not be empty (e.g. dev, staging, prod).");
            }

            if (string.IsNullOrWhiteSpace(app.Repository))
            {
                errors.Add($"{key}:Repository: must be a clone URL or sandbox:<name>.");
            }

            if (string.IsNullOrWhiteSpace(app.Branch))
            {
                errors.Add($"{key}:Branch: must not be empty.");
            }

            if (app.Namespace is not null && !DnsLabel().IsMatch(app.Namespace))
            {
                errors.Add($"{key}:Namespace: '{app.Namespace}' must be a DNS label.");
            }

            if (app.Path.Contains("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(app.Path))
            {
                errors.Add($"{key}:Path: '{app.Path}' must be a relative path inside the repository.");
            }

            if (app.HealthTimeoutSeconds is < 1 or > 86_400)
            {
                errors.Add($"{key}:HealthTimeoutSeconds: {app.HealthTimeoutSeconds} must be between 1 and 86400.");
            }

            if (app.ImagePolicy is { } policy)
            {
                errors.AddRange(ImagePolicyValidator.Validate(policy, $"{key}:ImagePolicy"));
            }

            for (var r = 0; r < app.IgnoreDifferences.Count; r++)
            {
                var rule = app.IgnoreDifferences[r];
                if (string.IsNullOrWhiteSpace(rule.Kind) || rule.JsonPointers.Count == 0 || rule.JsonPointers.Any(p => !p.StartsWith('/')))
                {
                    errors.Add($"{key}:IgnoreDifferences:{r}: needs a Kind and JSON pointers that start with '/'.");
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
