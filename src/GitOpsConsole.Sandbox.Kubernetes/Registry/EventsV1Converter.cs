using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Registry;

/// <summary>events.k8s.io/v1 Event ⇄ core/v1 Event field mapping.</summary>
internal sealed class EventsV1Converter : IObjectConverter
{
    // served (events.k8s.io/v1) name → stored (core/v1) name
    private static readonly (string Served, string Stored)[] Fields =
    [
        ("regarding", "involvedObject"),
        ("note", "message"),
        ("reportingController", "reportingComponent"),
        ("deprecatedSource", "source"),
        ("deprecatedFirstTimestamp", "firstTimestamp"),
        ("deprecatedLastTimestamp", "lastTimestamp"),
        ("deprecatedCount", "count"),
        ("related", "related"),
        ("reason", "reason"),
        ("type", "type"),
        ("action", "action"),
        ("eventTime", "eventTime"),
        ("reportingInstance", "reportingInstance"),
        ("series", "series"),
        ("metadata", "metadata"),
    ];

    public ResourceType StorageType => BuiltInResources.Event;

    public JsonObject ToServed(JsonObject stored) => Map(stored, "events.k8s.io/v1", toServed: true);

    public JsonObject ToStored(JsonObject served) => Map(served, "v1", toServed: false);

    public string? TranslateFieldSelector(string? selector) =>
        selector?.Replace("regarding.", "involvedObject.", StringComparison.Ordinal)
            .Replace("reportingController", "reportingComponent", StringComparison.Ordinal);

    private static JsonObject Map(JsonObject source, string apiVersion, bool toServed)
    {
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "Event" };
        foreach (var (served, stored) in Fields)
        {
            var (from, to) = toServed ? (stored, served) : (served, stored);
            if (source[from] is { } value)
            {
                result[to] = value.DeepClone();
            }
        }
        return result;
    }
}
