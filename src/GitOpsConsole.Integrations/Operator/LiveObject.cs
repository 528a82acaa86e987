using System.Text.Json.Nodes;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>An object found in the cluster with the type that reaches it.</summary>
internal sealed record LiveObject(ResourceKey Key, ApiResource Resource, JsonObject Json);
