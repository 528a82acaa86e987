using System.Globalization;
using System.Text.Json;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>Reads a <c>workflow_run</c> delivery (requested, in_progress, completed) into the run's progress.</summary>
internal static class GitHubWorkflowRunParser
{
    public static WebhookParseResult Read(JsonElement root)
    {
        var action = root.Text("action");
        var repository = root.Text("repository", "full_name");
        var run = root.TryGetProperty("workflow_run", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var id = run.ValueKind == JsonValueKind.Object && run.TryGetProperty("id", out var i) && i.TryGetInt64(out var value) ? value : (long?)null;
        var status = run.Text("status");
        var missing = action is null ? "action"
            : repository is null ? "repository.full_name"
            : run.ValueKind != JsonValueKind.Object ? "workflow_run"
            : id is null ? "workflow_run.id"
            : status is null ? "workflow_run.status"
            : null;
        if (missing is not null)
        {
            return WebhookParseResult.Malformed($"a workflow_run needs '{missing}'");
        }

        return WebhookParseResult.Progress(new WorkflowRunUpdate(id!.Value, repository!, action!, status!,
            run.Text("conclusion"), run.Text("html_url"), run.Text("head_sha"), run.Text("head_branch"),
            run.Text("display_title") ?? run.Text("name") ?? id.Value.ToString(CultureInfo.InvariantCulture)));
    }
}
