using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Selectors;

/// <summary>
/// A parsed field selector (key=value, key==value, key!=value). Fields are dotted paths into the
/// object, which covers metadata.name, status.phase, spec.nodeName and involvedObject.* alike.
/// </summary>
internal sealed class FieldSelector
{
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "metadata.name", "metadata.namespace", "status.phase", "spec.nodeName", "spec.schedulerName",
        "spec.restartPolicy", "spec.serviceAccountName", "status.podIP", "type", "reason", "source",
        "reportingComponent", "involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
        "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
        "involvedObject.fieldPath", "regarding.kind", "regarding.name", "regarding.namespace", "regarding.uid",
        "status.successful", "spec.unschedulable",
    };

    private readonly IReadOnlyList<(string[] Path, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string[] Path, bool Equal, string Value)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>The metadata.name the selector pins, which lets list and watch skip a scan.</summary>
    public string? PinnedName =>
        _terms.FirstOrDefault(t => t.Equal && t.Path is ["metadata", "name"]).Value;

    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string[], bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var (at, length, equal) = term.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? (ne, 2, false)
                : term.IndexOf("==", StringComparison.Ordinal) is var ee and > 0 ? (ee, 2, true)
                : term.IndexOf('=', StringComparison.Ordinal) is var e and > 0 ? (e, 1, true)
                : throw ApiException.BadRequest($"invalid field selector \"{text}\"");
            var key = term[..at].Trim();
            if (!Supported.Contains(key))
            {
                throw ApiException.BadRequest($"field label not supported: {key}");
            }
            terms.Add((key.Split('.'), equal, term[(at + length)..].Trim()));
        }
        return new FieldSelector(terms);
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (path, equal, value) in _terms)
        {
            JsonNode? node = obj;
            foreach (var segment in path)
            {
                node = node is JsonObject o ? o[segment] : null;
            }
            var actual = node switch
            {
                null => "",
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => node.ToJsonString(),
            };
            if ((actual == value) != equal)
            {
                return false;
            }
        }
        return true;
    }
}
