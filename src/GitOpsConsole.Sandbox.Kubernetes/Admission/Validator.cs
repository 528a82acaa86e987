using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Selectors;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Admission;

/// <summary>The validation rules clients observe most: names, pod containers, selector/template agreement.</summary>
internal static partial class Validator
{
    public static void Validate(ResourceType type, JsonObject obj, JsonObject? previous)
    {
        var name = Meta.Name(obj);
        var label = type.Kind == "Namespace" || type.Kind == "Service";
        if (name.Length > (label ? 63 : 253) || !(label ? DnsLabel() : DnsSubdomain()).IsMatch(name))
        {
            throw ApiException.Invalid(type.Kind, name,
                $"metadata.name: Invalid value: \"{name}\": a lowercase RFC 1123 {(label ? "label" : "subdomain")} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }
        switch (type.Kind)
        {
            case "Pod" when type.Group.Length == 0:
                Containers(type, name, obj["spec"]?["containers"], "spec.containers");
                break;
            case "Deployment" or "ReplicaSet" or "StatefulSet":
                Workload(type, name, obj, previous);
                break;
        }
    }

    private static void Workload(ResourceType type, string name, JsonObject obj, JsonObject? previous)
    {
        var selector = obj["spec"]?["selector"] as JsonObject;
        if (selector is null || (selector["matchLabels"] is null && selector["matchExpressions"] is null))
        {
            throw ApiException.Invalid(type.Kind, name, "spec.selector: Required value");
        }
        var labels = obj["spec"]?["template"]?["metadata"]?["labels"] as JsonObject ?? [];
        var map = labels.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
        if (!SelectorConverter.FromLabelSelector(selector).Matches(map))
        {
            throw ApiException.Invalid(type.Kind, name,
                "spec.template.metadata.labels: Invalid value: " + labels.ToJsonString() + ": `selector` does not match template `labels`");
        }
        if (previous?["spec"]?["selector"] is JsonNode old && !JsonNode.DeepEquals(old, selector))
        {
            throw ApiException.Invalid(type.Kind, name, "spec.selector: Invalid value: " + selector.ToJsonString() + ": field is immutable");
        }
        Containers(type, name, obj["spec"]?["template"]?["spec"]?["containers"], "spec.template.spec.containers");
    }

    private static void Containers(ResourceType type, string name, JsonNode? containers, string path)
    {
        if (containers is not JsonArray list || list.Count == 0)
        {
            throw ApiException.Invalid(type.Kind, name, $"{path}: Required value");
        }
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrEmpty(Meta.Str(list[i], "name")))
            {
                throw ApiException.Invalid(type.Kind, name, $"{path}[{i}].name: Required value");
            }
            if (string.IsNullOrEmpty(Meta.Str(list[i], "image")))
            {
                throw ApiException.Invalid(type.Kind, name, $"{path}[{i}].image: Required value");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
