using GitOpsConsole.Core.Domain;
using GitOpsConsole.Helm;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>What loading Git's desired state gave: the commit (when it resolved) and the objects, or why not.</summary>
internal sealed record DesiredLoad(string? Revision, DesiredState? State, string? Error);

/// <summary>Fetch, resolve, render, prepare — with every failure on the way turned into a message a person can act on.</summary>
internal sealed class DesiredStateSource(ChartSource charts, DesiredStateBuilder builder)
{
    public async Task<DesiredLoad> LoadAsync(Application app, string revision, CancellationToken cancellationToken)
    {
        string? sha = null;
        try
        {
            sha = await charts.ResolveAsync(app, revision, cancellationToken);
            var rendered = await charts.RenderAsync(app, sha, cancellationToken);
            return new DesiredLoad(sha, await builder.BuildAsync(app, sha, rendered, cancellationToken), null);
        }
        catch (ChartRenderException ex)
        {
            return new DesiredLoad(sha, null, $"Rendering '{app.Path}' at {sha?[..7]} failed: {ex.Message}");
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
}
