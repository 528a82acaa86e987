using GitOpsConsole.Web.Auth;
using GitOpsConsole.Web.Sandbox;
using k8s.Autorest;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace GitOpsConsole.Web.Components.Sandbox;

public partial class SandboxWorkloads
{
    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<DeploymentRow> _deployments = [];
    private IReadOnlyList<PodRow> _pods = [];
    private string? _error;

    [Inject]
    private SandboxCluster Cluster { get; set; } = default!;

    [Inject]
    private SandboxRuntime Runtime { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        _ = FollowAsync();
    }

    // The cluster pushes every change through its watch; the tables re-read on each one.
    private async Task FollowAsync()
    {
        try
        {
            await Cluster.WatchAsync(() => InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            }), _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        catch (HttpRequestException ex)
        {
            await InvokeAsync(() =>
            {
                _error = $"Lost the watch on the sandbox cluster: {ex.Message}. Reload the page to reconnect.";
                StateHasChanged();
            });
        }
    }

    private async Task ReloadAsync()
    {
        _deployments = await Cluster.DeploymentsAsync(_stop.Token);
        _pods = await Cluster.PodsAsync(_stop.Token);
    }

    private Task ScaleAsync(DeploymentRow deployment, int replicas) =>
        ActAsync(ct => Cluster.ScaleAsync(deployment.Namespace, deployment.Name, replicas, ct));

    private Task EditAsync(DeploymentRow deployment) =>
        ActAsync(ct => Cluster.SetEnvironmentAsync(deployment.Namespace, deployment.Name, "EDITED_LIVE", "true", ct));

    private Task DeletePodAsync(PodRow pod) =>
        ActAsync(ct => Cluster.DeletePodAsync(pod.Namespace, pod.Name, ct));

    private async Task ActAsync(Func<CancellationToken, Task> action)
    {
        if (!(await AuthenticationState).User.IsInRole(ConsoleRoles.Operator))
        {
            _error = "Only Operators and Admins can change the cluster.";
            return;
        }

        try
        {
            await action(_stop.Token);
            _error = null;
        }
        catch (HttpOperationException ex)
        {
            _error = $"The cluster refused: {ex.Response.StatusCode} {ex.Response.Content}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong, the page stays up and says it.
            _error = $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
