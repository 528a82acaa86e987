using System.Globalization;
using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Resolves maxSurge/maxUnavailable values: an integer, or a percentage of the replicas (surge rounds up, unavailable down).</summary>
internal static class IntOrPercent
{
    public static int Resolve(JsonNode? value, int total, bool roundUp, int fallback)
    {
        if (value is not JsonValue v)
        {
            return fallback;
        }
        if (v.TryGetValue<int>(out var number))
        {
            return number;
        }
        if (v.TryGetValue<long>(out var big))
        {
            return (int)big;
        }
        var text = v.TryGetValue<string>(out var s) ? s.Trim() : "";
        if (text.EndsWith('%') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            var exact = total * percent / 100.0;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
    }
}
