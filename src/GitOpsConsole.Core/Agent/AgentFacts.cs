using System.Text.Json;

namespace GitOpsConsole.Core.Agent;

/// <summary>A Git commit or a sync a run made, for the decision record.</summary>
public sealed record AgentChange(string Kind, string? Revision, string Summary);

/// <summary>
/// What the run's tools reported, read from their results (live, or from the trace on resume): the image
/// built, the deploy and revert commits, the syncs and the last health. The engine trusts these, not the
/// model's own account, for the run's record and for checking the outcome the model claims.
/// </summary>
public sealed class AgentFacts
{
    private readonly List<AgentChange> _changes = [];

    public string? Image { get; private set; }
    public string? DeployCommit { get; private set; }
    public string? RevertCommit { get; private set; }
    public int CommitsMade { get; private set; }
    public string? LastHealth { get; private set; }
    public IReadOnlyList<AgentChange> Changes => _changes;

    /// <summary>Takes in one result (the JSON a tool returned); errors and other tools change nothing.</summary>
    public void Observe(string? function, string resultJson)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(resultJson).RootElement;
        }
        catch (JsonException)
        {
            return;
        }

        if (root.ValueKind != JsonValueKind.Object || ToolError.Of(root) is not null)
        {
            return;
        }

        switch (function)
        {
            case "ci_get_build" or "ci_trigger_build" when Text(root, "state") == "Succeeded":
                Image = Text(root, "image") ?? Image;
                break;
            case "values_set_image_tag" or "git_revert":
                var sha = Text(root, "commitSha");
                if (function == "values_set_image_tag") { DeployCommit = sha; } else { RevertCommit = sha; }
                if (Text(root, "outcome") == "Committed")
                {
                    CommitsMade++;
                    _changes.Add(new AgentChange(function == "git_revert" ? "revert" : "commit", sha, Text(root, "summary") ?? ""));
                }

                break;
            case "operator_sync":
                _changes.Add(new AgentChange("sync", Text(root, "revision"), root.TryGetProperty("succeeded", out var ok) && ok.ValueKind == JsonValueKind.True ? "succeeded" : $"failed: {Text(root, "message")}"));
                break;
            case "cluster_health":
                LastHealth = Text(root, "status");
                break;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
