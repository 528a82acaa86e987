using System.Text;
using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Integrations.Rendering;

namespace GitOpsConsole.Web.Startup;

/// <summary>Everything that must hold before the console may start, checked in one place.</summary>
internal static class StartupGate
{
    public static StartupCheck Check(IConfiguration configuration, string workingDirectory)
    {
        var options = new GitOpsOptions();
        try
        {
            configuration.GetSection(GitOpsOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            return StartupCheck.Fail([ex.Message]);
        }

        var errors = GitOpsOptionsValidator.Validate(options).ToList();
        errors.AddRange(Connections.IntegrationSecrets.FromProcess().Check(options));
        if (ChartRendererConfiguration.Validate(options, Environment.GetEnvironmentVariable("PATH")) is { } helmMissing)
        {
            errors.Add(helmMissing);
        }

        if (errors.Count == 0 && Integrations.Kubernetes.KubernetesConnection.Check(options.Kubernetes, workingDirectory) is { } clusterProblem)
        {
            errors.Add(clusterProblem);
        }

        errors.AddRange(Runs.ImagePolicyCheck.Validate(options));
        if (options.Auth.Mode == AuthMode.LocalTrust)
        {
            foreach (var url in BindingPolicy.ConfiguredUrls(configuration).Where(u => !BindingPolicy.IsLoopback(u)))
            {
                errors.Add($"GitOps:Auth:Mode: LocalTrust turns sign-in off and is only allowed while every binding is loopback, but the console would listen on {url}. Bind to 127.0.0.1 or use GitOps:Auth:Mode=Password.");
            }
        }

        return errors.Count > 0
            ? StartupCheck.Fail(errors)
            : new StartupCheck(options, options.ResolveDataDirectory(workingDirectory), []);
    }
}

internal sealed record StartupCheck(GitOpsOptions? Options, string? DataDirectory, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static StartupCheck Fail(IReadOnlyList<string> errors) => new(null, null, errors);

    public string Describe()
    {
        var text = new StringBuilder("GitOps Console cannot start, the configuration is invalid:");
        foreach (var error in Errors)
        {
            text.Append("\n  - ").Append(error);
        }

        return text.ToString();
    }
}
