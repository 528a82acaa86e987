using GitOpsConsole.Core.Configuration;
using Microsoft.Extensions.Options;

namespace GitOpsConsole.Web.Connections;

/// <summary>Links from GitHub back to the console: a run's page, under <c>GitOps:GitHub:ConsoleUrl</c>.</summary>
internal sealed class RunLinks(IOptions<GitOpsOptions> options)
{
    private readonly Uri? _root = Uri.TryCreate(options.Value.GitHub.ConsoleUrl?.TrimEnd('/') + "/", UriKind.Absolute, out var root) ? root : null;

    /// <summary>The run's page; null when the console's public address is not configured.</summary>
    public Uri? Run(Guid runId) => _root is null ? null : new Uri(_root, $"runs/{runId}");

    /// <summary>The pipelines of one application, for statuses set outside a run's own report.</summary>
    public Uri? Pipelines(string application) => _root is null ? null : new Uri(_root, $"pipelines?app={Uri.EscapeDataString(application)}");
}
