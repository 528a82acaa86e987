using System.Text;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Selectors;

/// <summary>Turns a metav1.LabelSelector object into the query-string form (and so into a matcher).</summary>
internal static class SelectorConverter
{
    public static LabelSelector FromLabelSelector(JsonObject? selector) => LabelSelector.Parse(ToQuery(selector));

    public static string ToQuery(JsonObject? selector)
    {
        if (selector is null)
        {
            return "";
        }
        var parts = new List<string>();
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            parts.Add($"{key}={value}");
        }
        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.ToString() ?? "";
            var values = string.Join(",", (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()));
            parts.Add(expression["operator"]?.ToString() switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key,
                "DoesNotExist" => "!" + key,
                var op => throw Store.ApiException.BadRequest($"unknown label selector operator \"{op}\""),
            });
        }
        return new StringBuilder().AppendJoin(',', parts).ToString();
    }
}
