using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// One object Git asks for, ready to apply: namespace defaulted, tracking id set. <see cref="Resource"/> is
/// null until the kind is known to the cluster (a kind a CRD of the same sync declares); <see cref="Error"/>
/// says why the object cannot be applied at all.
/// </summary>
/// <param name="Tracked">False for the application's namespace created on its behalf, which pruning must never delete.</param>
internal sealed record DesiredObject(ResourceKey Key, JsonObject Manifest, ApiResource? Resource, string Source, bool Tracked = true, string? Error = null);

/// <summary>Everything Git asks for at one commit.</summary>
internal sealed record DesiredState(string Revision, IReadOnlyList<DesiredObject> Objects)
{
    public bool HasErrors => Objects.Any(o => o.Error is not null);
}
