using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm.Charts;

/// <summary>Chart.yaml, plus the map templates see as .Chart (Go field names, as Helm exposes them).</summary>
internal sealed class ChartMetadata
{
    private static readonly (string Field, string Key)[] StringFields =
    [
        ("Name", "name"), ("Home", "home"), ("Version", "version"), ("Description", "description"), ("Icon", "icon"),
        ("APIVersion", "apiVersion"), ("Condition", "condition"), ("Tags", "tags"), ("AppVersion", "appVersion"),
        ("KubeVersion", "kubeVersion"), ("Type", "type"),
    ];

    private ChartMetadata(IDictionary<string, object?> raw, List<ChartDependency> dependencies)
    {
        Raw = raw;
        Dependencies = dependencies;
    }

    public IDictionary<string, object?> Raw { get; }

    public string Name => ChartDependency.Text(Raw, "name");

    public string Version => ChartDependency.Text(Raw, "version");

    public string Type => ChartDependency.Text(Raw, "type");

    public string KubeVersion => ChartDependency.Text(Raw, "kubeVersion");

    public bool IsLibrary => Type == "library";

    public List<ChartDependency> Dependencies { get; }

    public static ChartMetadata Parse(IDictionary<string, object?> raw, IDictionary<string, object?>? requirements)
    {
        var source = raw.TryGetValue("dependencies", out var deps) && deps is List<object?> list ? list
            : requirements is not null && requirements.TryGetValue("dependencies", out var reqs) && reqs is List<object?> reqList ? reqList
            : [];
        var dependencies = source.OfType<IDictionary<string, object?>>().Select(ChartDependency.FromMap).ToList();
        return new ChartMetadata(raw, dependencies);
    }

    /// <summary>The .Chart object: every Metadata field, zero-valued when absent, with the given (possibly aliased) name.</summary>
    public Dictionary<string, object?> ToTemplateMap(string name, bool isRoot)
    {
        var map = ValueTree.NewMap();
        foreach (var (field, key) in StringFields)
        {
            map[field] = Raw.TryGetValue(key, out var value) && value is not null ? GoValues.Sprint(value) : string.Empty;
        }

        map["Name"] = name;
        map["Sources"] = Raw.TryGetValue("sources", out var sources) ? sources : null;
        map["Keywords"] = Raw.TryGetValue("keywords", out var keywords) ? keywords : null;
        map["Maintainers"] = Raw.TryGetValue("maintainers", out var maintainers) ? maintainers : null;
        map["Annotations"] = Raw.TryGetValue("annotations", out var annotations) ? annotations : null;
        map["Dependencies"] = Raw.TryGetValue("dependencies", out var dependencies) ? dependencies : null;
        map["Deprecated"] = Raw.TryGetValue("deprecated", out var deprecated) && deprecated is true;
        map["IsRoot"] = isRoot;
        return map;
    }
}
