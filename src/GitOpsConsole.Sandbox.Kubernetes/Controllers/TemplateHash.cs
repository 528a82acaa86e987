using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>The pod-template-hash: FNV-1a of the template, written with Kubernetes' vowel-free alphabet.</summary>
internal static class TemplateHash
{
    public const string Label = "pod-template-hash";
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Of(JsonNode? template)
    {
        var bytes = Encoding.UTF8.GetBytes(Canonical(template));
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        var digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Concat(digits.Select(c => Alphabet[c % Alphabet.Length]));
    }

    /// <summary>The template without the hash label, for comparing a ReplicaSet's template with its Deployment's.</summary>
    public static JsonObject WithoutHashLabel(JsonNode? template)
    {
        var copy = template?.DeepClone() as JsonObject ?? new JsonObject();
        if (copy["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(Label);
        }
        return copy;
    }

    private static string Canonical(JsonNode? node) => JsonOps.Sorted(node)?.ToJsonString() ?? "null";
}
