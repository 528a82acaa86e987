using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;
using GitOpsConsole.Helm;

namespace GitOpsConsole.Integrations.Operator;

/// <summary>
/// Turns rendered documents into the objects to apply: hooks and tests dropped (the operator runs no hooks),
/// namespace defaulted to the application's for namespaced kinds, the tracking id and app label added, and
/// the application's namespace put first. Problems are attached to the object they concern.
/// </summary>
internal sealed class DesiredStateBuilder(ResourceDiscovery discovery)
{
    public async Task<DesiredState> BuildAsync(Application app, string revision, RenderResult rendered, CancellationToken cancellationToken)
    {
        var parsed = rendered.Documents
            .Where(d => !d.IsHook && !d.IsTest)
            .Select(d => (Document: d, Parsed: TryParse(d)))
            .Where(p => p.Parsed.Manifest is not null || p.Parsed.Error is not null)
            .ToList();
        var crds = parsed.Select(p => p.Parsed.Manifest).OfType<JsonObject>().Where(IsCrd).ToList();

        var objects = new List<DesiredObject>();
        var seen = new HashSet<ResourceKey>();
        foreach (var (document, (manifest, error)) in parsed)
        {
            var item = manifest is null
                ? new DesiredObject(new ResourceKey("", document.Kind, app.Namespace, document.Name), [], null, document.SourcePath, Error: error)
                : await PrepareAsync(app, manifest, document.SourcePath, crds, cancellationToken);
            if (!seen.Add(item.Key))
            {
                item = item with { Error = $"{item.Key} is defined twice (again in {document.SourcePath})" };
            }

            objects.Add(item);
        }

        if (!seen.Contains(new ResourceKey("", "Namespace", "", app.Namespace)))
        {
            objects.Insert(0, ImplicitNamespace(app.Namespace));
        }

        return new DesiredState(revision, objects);
    }

    private async Task<DesiredObject> PrepareAsync(Application app, JsonObject manifest, string source, List<JsonObject> crds, CancellationToken cancellationToken)
    {
        var apiVersion = JsonRead.Str(manifest, "apiVersion");
        var kind = JsonRead.Str(manifest, "kind");
        var name = JsonRead.Str(manifest, "metadata", "name");
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(name))
        {
            return new DesiredObject(ResourceKey.Of(manifest), manifest, null, source,
                Error: $"The manifest in {source} needs apiVersion, kind and metadata.name");
        }

        var resource = await discovery.ResolveAsync(apiVersion, kind, cancellationToken);
        var declaredBy = resource is null ? crds.FirstOrDefault(c => Declares(c, apiVersion, kind)) : null;
        var namespaced = resource?.Namespaced ?? JsonRead.Str(declaredBy, "spec", "scope") == "Namespaced";
        var metadata = (JsonObject)manifest["metadata"]!;
        if (namespaced && string.IsNullOrEmpty(JsonRead.Str(metadata, "namespace")))
        {
            metadata["namespace"] = app.Namespace;
        }
        else if (!namespaced)
        {
            metadata.Remove("namespace");
        }

        var key = ResourceKey.Of(manifest);
        Mark(metadata, "labels", TrackingId.AppLabel, app.Name);
        Mark(metadata, "annotations", TrackingId.Annotation, TrackingId.For(app.Name, key));
        var error = resource is null && declaredBy is null
            ? $"The cluster has no resource type for kind {kind} in {apiVersion} ({source})"
            : null;
        return new DesiredObject(key, manifest, resource, source, Error: error);
    }

    private static (JsonObject? Manifest, string? Error) TryParse(RenderedDocument document)
    {
        try
        {
            return (YamlManifest.Parse(document.Content), null);
        }
        catch (FormatException ex)
        {
            return (null, $"{document.SourcePath}: {ex.Message}");
        }
    }

    private static void Mark(JsonObject metadata, string field, string key, string value)
    {
        if (metadata[field] is not JsonObject map)
        {
            map = [];
            metadata[field] = map;
        }

        map[key] = value;
    }

    private static bool IsCrd(JsonObject manifest) =>
        JsonRead.Str(manifest, "kind") == "CustomResourceDefinition"
        && ResourceKey.GroupOf(JsonRead.Str(manifest, "apiVersion") ?? "") == "apiextensions.k8s.io";

    private static bool Declares(JsonObject crd, string apiVersion, string kind) =>
        JsonRead.Str(crd, "spec", "names", "kind") == kind
        && JsonRead.Str(crd, "spec", "group") == ResourceKey.GroupOf(apiVersion);

    // Created for the application like Argo CD's CreateNamespace, but without a tracking id: deleting a
    // namespace deletes everything in it, so pruning must never reach it. The managed-by label says who made
    // it (and gives the apply a field to own, so the namespace's managedFields name us).
    private static DesiredObject ImplicitNamespace(string name) => new(
        new ResourceKey("", "Namespace", "", name),
        new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = KubeApi.FieldManager },
            },
        },
        new ApiResource("", "v1", "Namespace", "namespaces", Namespaced: false, Listable: true),
        "(application namespace)",
        Tracked: false);
}
