using System.Collections.Concurrent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Helm;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>What loading Git's desired state gave: the commit (when it resolved) and the objects, or why not.</summary>
internal sealed record DesiredLoad(string? Revision, DesiredState? State, string? Error);

/// <summary>Fetch, resolve, render, prepare — with every failure on the way turned into a message a person can act on.</summary>
internal sealed class DesiredStateSource(ChartSource charts, IGitReader git, DesiredStateBuilder builder)
{
    // One rendering per application and commit: drift checks run on every live change, and rendering the same
    // commit again would give the same objects. Keyed by what the rendering depends on besides the commit.
    private readonly ConcurrentDictionary<string, (string Key, DesiredState State)> _rendered = new(StringComparer.Ordinal);

    public async Task<DesiredLoad> LoadAsync(Application app, string revision, CancellationToken cancellationToken)
    {
        string sha;
        try
        {
            sha = await charts.ResolveAsync(app, revision, cancellationToken);
        }
        catch (GitOperationException ex)
        {
            return new DesiredLoad(null, null, ex.Message);
        }

        return await BuildAsync(app, sha, cancellationToken);
    }

    private async Task<DesiredLoad> BuildAsync(Application app, string sha, CancellationToken cancellationToken)
    {
        try
        {
            var rendered = await charts.RenderAsync(app, sha, cancellationToken);
            return new DesiredLoad(sha, await builder.BuildAsync(app, sha, rendered, cancellationToken), null);
        }
        catch (ChartRenderException ex)
        {
            return new DesiredLoad(sha, null, $"Rendering '{app.Path}' at {sha[..7]} failed: {ex.Message}");
        }
        catch (GitOperationException ex)
        {
            return new DesiredLoad(sha, null, ex.Message);
        }
        catch (Exception ex) when (ex is KubeApiException or HttpRequestException)
        {
            return new DesiredLoad(sha, null, $"The cluster's API discovery failed: {ex.Message}");
        }
    }

    /// <summary>
    /// The branch head's objects for a comparison: without <paramref name="fetch"/> the mirror is read as it is
    /// (a live change needs no Git round trip; pushes and the periodic refresh fetch), and a commit rendered
    /// before is not rendered again.
    /// </summary>
    public async Task<DesiredLoad> LoadForComparisonAsync(Application app, bool fetch, CancellationToken cancellationToken)
    {
        string sha;
        try
        {
            sha = fetch ? await charts.ResolveAsync(app, app.Branch, cancellationToken) : await git.ResolveAsync(app.Name, app.Branch, cancellationToken);
        }
        catch (GitOperationException) when (!fetch)
        {
            return await LoadForComparisonAsync(app, fetch: true, cancellationToken);
        }
        catch (GitOperationException ex)
        {
            return new DesiredLoad(null, null, ex.Message);
        }

        var key = $"{sha}|{app.Path}|{app.ValuesFile}|{app.Namespace}";
        if (_rendered.TryGetValue(app.Name, out var cached) && cached.Key == key)
        {
            return new DesiredLoad(sha, cached.State, null);
        }

        var load = await BuildAsync(app, sha, cancellationToken);
        // Objects of kinds the cluster does not know yet are resolved again next time (a CRD may arrive).
        if (load.State is { } state && state.Objects.All(o => o.Resource is not null || o.Error is not null))
        {
            _rendered[app.Name] = (key, state);
        }

        return load;
    }
}
