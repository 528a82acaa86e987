using GitOpsConsole.Helm.Charts;
using GitOpsConsole.Helm.Values;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Tests.Values;

public sealed class CoalescerTests
{
    private static ChartNode Chart(string values, params (string Name, string Values)[] subcharts)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["Chart.yaml"] = "apiVersion: v2\nname: parent\nversion: 1.0.0\n"u8.ToArray(),
            ["values.yaml"] = System.Text.Encoding.UTF8.GetBytes(values),
        };
        foreach (var (name, subValues) in subcharts)
        {
            files[$"charts/{name}/Chart.yaml"] = System.Text.Encoding.UTF8.GetBytes($"apiVersion: v2\nname: {name}\nversion: 1.0.0\n");
            files[$"charts/{name}/values.yaml"] = System.Text.Encoding.UTF8.GetBytes(subValues);
        }

        return ChartNode.Build(ChartLoader.LoadFiles(files));
    }

    private static Dictionary<string, object?> Map(string yaml) => YamlValueReader.ReadMap(yaml);

    [Fact]
    public void CoalesceValues_UserValue_WinsOverDefaultAndKeepsSiblings()
    {
        var result = Coalescer.CoalesceValues(Chart("image: {repo: nginx, tag: '1'}"), Map("image: {tag: '2'}"));

        var image = Assert.IsType<Dictionary<string, object?>>(result["image"]);
        Assert.Equal("nginx", image["repo"]);
        Assert.Equal("2", image["tag"]);
    }

    [Fact]
    public void CoalesceValues_UserNull_DeletesTheDefault()
    {
        var result = Coalescer.CoalesceValues(Chart("a: 1\nm: {p: 1, q: 2}"), Map("a: null\nm: {p: null}"));

        Assert.False(result.ContainsKey("a"));
        Assert.Equal(["q"], Assert.IsType<Dictionary<string, object?>>(result["m"]).Keys);
    }

    [Fact]
    public void CoalesceValues_Subchart_GetsItsSectionOverItsDefaultsPlusGlobals()
    {
        var node = Chart("global: {env: prod}\nsub: {port: 8080}", ("sub", "port: 80\nname: web\nglobal: {env: dev, region: eu}"));

        var result = Coalescer.CoalesceValues(node, ValueTree.NewMap());

        var sub = Assert.IsType<Dictionary<string, object?>>(result["sub"]);
        Assert.Equal(8080.0, sub["port"]);
        Assert.Equal("web", sub["name"]);
        var global = Assert.IsType<Dictionary<string, object?>>(sub["global"]);
        Assert.Equal("prod", global["env"]);
        Assert.Equal("eu", global["region"]);
    }

    [Fact]
    public void CoalesceValues_UserScalarOverDefaultMap_KeepsUserScalar()
    {
        var result = Coalescer.CoalesceValues(Chart("a: {b: 1}"), Map("a: text"));

        Assert.Equal("text", result["a"]);
    }

    [Fact]
    public void MergeMaps_LaterFile_OverridesScalarsAndMergesMaps()
    {
        var merged = ValueTree.MergeMaps(Map("a: {p: 1, q: 2}\nl: [1]"), Map("a: {q: 3}\nl: [2, 3]"));

        var a = Assert.IsType<Dictionary<string, object?>>(merged["a"]);
        Assert.Equal(1.0, a["p"]);
        Assert.Equal(3.0, a["q"]);
        Assert.Equal(new List<object?> { 2.0, 3.0 }, merged["l"]);
    }
}
