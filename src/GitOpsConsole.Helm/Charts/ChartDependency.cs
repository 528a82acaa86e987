using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Charts;

/// <summary>One entry of Chart.yaml's dependencies (or requirements.yaml).</summary>
internal sealed record ChartDependency(
    string Name,
    string Version,
    string Alias,
    string Condition,
    IReadOnlyList<string> Tags,
    IReadOnlyList<object?> ImportValues)
{
    /// <summary>The name the subchart is known by after aliasing.</summary>
    public string EffectiveName => Alias.Length > 0 ? Alias : Name;

    public static ChartDependency FromMap(IDictionary<string, object?> map) => new(
        Text(map, "name"),
        Text(map, "version"),
        Text(map, "alias"),
        Text(map, "condition"),
        map.TryGetValue("tags", out var tags) && tags is List<object?> tagList ? tagList.Select(GoValues.Sprint).ToList() : [],
        map.TryGetValue("import-values", out var imports) && imports is List<object?> importList ? importList : []);

    internal static string Text(IDictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) && value is not null ? GoValues.Sprint(value) : string.Empty;
}
