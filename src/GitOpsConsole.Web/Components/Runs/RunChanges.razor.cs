using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Integrations.Git;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Runs;

public partial class RunChanges
{
    private List<(string Role, CommitView View)> _commits = [];
    private ManifestDiff? _manifests;
    private string? _error;
    private string? _loadedFor;
    private readonly LatestRead _reads = new();

    [Parameter, EditorRequired]
    public Application Application { get; set; } = default!;

    [Parameter]
    public string? DeployCommit { get; set; }

    [Parameter]
    public string? RollbackCommit { get; set; }

    /// <summary>The run has ended: no commits will come.</summary>
    [Parameter]
    public bool Finished { get; set; }

    [Parameter, EditorRequired]
    public RenderedManifests Manifests { get; set; } = default!;

    // Git is read again only when the run's commits change, not on every step update.
    protected override async Task OnParametersSetAsync()
    {
        var key = $"{DeployCommit}|{RollbackCommit}";
        if (key == _loadedFor)
        {
            return;
        }

        _loadedFor = key;
        // The rollback commit can arrive while the deploy commit is still loading: the later load wins.
        await _reads.RunAsync(ReadAsync, read => (_commits, _error, _manifests) = read);
    }

    private async Task<(List<(string, CommitView)>, string?, ManifestDiff?)> ReadAsync()
    {
        var commits = new List<(string, CommitView)>();
        string? error = null;
        try
        {
            if (DeployCommit is not null)
            {
                commits.Add(("deploy", await Manifests.CommitAsync(Application, DeployCommit)));
            }

            if (RollbackCommit is not null)
            {
                commits.Add(("rollback", await Manifests.CommitAsync(Application, RollbackCommit)));
            }
        }
        catch (GitOperationException ex)
        {
            error = ex.Message;
        }

        var manifests = DeployCommit is null ? null : await Manifests.DiffAsync(Application, DeployCommit);
        return (commits, error, manifests);
    }
}
