using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Patching;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

internal enum PatchKind { Json, Merge, Strategic, Apply }

/// <summary>Chooses the patch algorithm from the Content-Type and applies non-apply patches.</summary>
internal static class PatchApplier
{
    public static PatchKind KindOf(string? contentType)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json-patch+json" => PatchKind.Json,
            "application/merge-patch+json" => PatchKind.Merge,
            "application/strategic-merge-patch+json" => PatchKind.Strategic,
            "application/apply-patch+yaml" or "application/apply-patch+cbor" => PatchKind.Apply,
            _ => throw new ApiException(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json"),
        };
    }

    public static JsonObject Apply(ResourceType type, JsonObject current, PatchKind kind, JsonNode patch)
    {
        switch (kind)
        {
            case PatchKind.Json:
                return JsonPatch.Apply(current, patch);
            case PatchKind.Merge:
                return MergePatch.Apply(current, RequireObject(patch)) as JsonObject ?? new JsonObject();
            case PatchKind.Strategic when type.IsCustom:
                throw new ApiException(415, "UnsupportedMediaType", "strategic merge patch is not supported for custom resources; use a merge or JSON patch");
            case PatchKind.Strategic:
                return new StrategicMerge(type.Kind, builtIn: true).Apply(current, RequireObject(patch));
            default:
                throw new InvalidOperationException("apply patches go through server-side apply");
        }
    }

    private static JsonObject RequireObject(JsonNode patch) =>
        patch as JsonObject ?? throw ApiException.BadRequest("the patch must be a JSON object");

    public static JsonObject Scale(JsonObject scale, PatchKind kind, JsonNode patch) => kind switch
    {
        PatchKind.Json => JsonPatch.Apply(scale, patch),
        _ => MergePatch.Apply(scale, RequireObject(patch)) as JsonObject ?? scale,
    };

    public static string? ResourceVersionOf(JsonObject obj) => Meta.Str(obj["metadata"], "resourceVersion");
}
