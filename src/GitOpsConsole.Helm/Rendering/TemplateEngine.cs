using GitOpsConsole.Helm.Charts;
using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Objects;
using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm.Rendering;

/// <summary>
/// Helm's engine: every template of every enabled chart in one template namespace, executed with its chart's
/// .Values/.Chart/.Files, producing the rendered text per template path (partials excluded).
/// </summary>
internal static class TemplateEngine
{
    private sealed record Renderable(ChartFile File, ChartNode Node, Dictionary<string, object?> Context, string BasePath);

    public static SortedDictionary<string, string> Render(ChartNode root, Dictionary<string, object?> values, Dictionary<string, object?> release, CapabilitiesObject capabilities, RenderServices services)
    {
        var renderables = new Dictionary<string, Renderable>(StringComparer.Ordinal);
        var top = ValueTree.NewMap();
        top["Values"] = values;
        Collect(root, top, release, capabilities, renderables, isRoot: true);
        var order = renderables.Keys.ToList();
        order.Sort(CompareForParsing);

        var functions = HelmFunctionMap.Instance;
        var set = new TemplateSet(functions);
        foreach (var name in order)
        {
            var r = renderables[name];
            try
            {
                set.Add(r.Node.Chart.GetParsed(name, r.File, functions));
            }
            catch (TemplateParseException ex)
            {
                throw RenderErrors.FromParse(ex);
            }
        }

        var shared = new ExecutionShared(services);
        var rendered = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in order.Where(n => !IsPartial(n)))
        {
            var r = renderables[name];
            var data = new Dictionary<string, object?>(r.Context, StringComparer.Ordinal)
            {
                ["Template"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Name"] = name, ["BasePath"] = r.BasePath },
            };
            try
            {
                var output = new Executor(set, shared, name).Execute(name, data);
                rendered[name] = output.Replace("<no value>", string.Empty, StringComparison.Ordinal);
            }
            catch (TemplateExecException ex)
            {
                throw RenderErrors.FromExec(ex);
            }
            catch (FunctionException ex)
            {
                throw new ChartRenderException($"rendering template failed: {ex.Message}", ex);
            }
        }

        return rendered;
    }

    public static bool IsPartial(string path) => path[(path.LastIndexOf('/') + 1)..].StartsWith('_');

    /// <summary>Helm parses deepest paths first (reverse of depth, then name), so a parent chart's defines win.</summary>
    private static int CompareForParsing(string a, string b)
    {
        var depth = CountSlashes(b).CompareTo(CountSlashes(a));
        return depth != 0 ? depth : string.CompareOrdinal(b, a);
    }

    private static int CountSlashes(string s) => s.Count(c => c == '/');

    private static Dictionary<string, object?> Collect(ChartNode node, Dictionary<string, object?> parent, Dictionary<string, object?> release, CapabilitiesObject capabilities, Dictionary<string, Renderable> renderables, bool isRoot)
    {
        var subcharts = ValueTree.NewMap();
        var parentValues = parent["Values"] as IDictionary<string, object?>;
        var values = isRoot ? parentValues : parentValues is null ? null : ValueTree.Table(parentValues, node.Name);
        var next = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["Chart"] = node.Chart.Metadata.ToTemplateMap(node.Name, isRoot),
            ["Files"] = new ChartFilesObject(node.Chart.Files),
            ["Release"] = release,
            ["Capabilities"] = capabilities,
            ["Values"] = values ?? ValueTree.NewMap(),
            ["Subcharts"] = subcharts,
        };
        foreach (var child in node.Dependencies)
        {
            subcharts[child.Name] = Collect(child, next, release, capabilities, renderables, isRoot: false);
        }

        var fullPath = node.FullPath;
        foreach (var template in node.Chart.Templates)
        {
            if (node.Chart.Metadata.IsLibrary && !IsPartial(template.Path))
            {
                continue;
            }

            renderables[fullPath + "/" + template.Path] = new Renderable(template, node, next, fullPath + "/templates");
        }

        return next;
    }
}
