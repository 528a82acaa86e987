using System.Text.Json.Nodes;

namespace GitOpsConsole.Web.Components.Drift;

/// <summary>
/// The live object cut to the shape of Git's manifest: only the fields the manifest sets (list items matched
/// by name when they have one), so the side-by-side view differs exactly where drift is and not wherever the
/// server added status, defaults or managedFields.
/// </summary>
internal static class LiveProjection
{
    public static JsonNode? Project(JsonNode? desired, JsonNode? live)
    {
        switch (desired, live)
        {
            case (JsonObject d, JsonObject l):
                var projected = new JsonObject();
                foreach (var (key, value) in d)
                {
                    if (key != "status" && l.TryGetPropertyValue(key, out var liveValue))
                    {
                        projected[key] = Project(value, liveValue);
                    }
                }

                return projected;
            case (JsonArray d, JsonArray l) when d.Count > 0 && d.All(i => i is JsonObject o && o["name"] is JsonValue):
                var byName = new JsonArray();
                foreach (var item in d.OfType<JsonObject>())
                {
                    var name = item["name"]!.ToJsonString();
                    if (l.OfType<JsonObject>().FirstOrDefault(x => x["name"]?.ToJsonString() == name) is { } match)
                    {
                        byName.Add(Project(item, match));
                    }
                }

                return byName;
            case (JsonArray d, JsonArray l):
                var byPosition = new JsonArray();
                for (var i = 0; i < l.Count; i++)
                {
                    byPosition.Add(i < d.Count ? Project(d[i], l[i]) : l[i]?.DeepClone());
                }

                return byPosition;
            default:
                return live?.DeepClone();
        }
    }
}
