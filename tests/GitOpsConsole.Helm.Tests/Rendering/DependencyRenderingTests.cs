namespace GitOpsConsole.Helm.Tests.Rendering;

public sealed class DependencyRenderingTests
{
    private const string ConfigMap = "kind: ConfigMap\nmetadata:\n  name: {{ .Chart.Name }}\ndata:\n  v: {{ .Values.v | quote }}\n  g: {{ .Values.global.g | quote }}\n";

    private static ChartFiles Parent(string dependencies, string values) =>
        ChartFiles.Chart("parent", "dependencies:\n" + dependencies)
            .Add("values.yaml", values)
            .Add("charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.0.0\n")
            .Add("charts/sub/values.yaml", "v: sub-default\nexports:\n  shared:\n    fromSub: yes-from-sub\n")
            .Add("charts/sub/templates/cm.yaml", ConfigMap);

    [Fact]
    public void Render_Subchart_SeesItsSectionAndGlobals()
    {
        var output = Parent("- name: sub\n  version: 1.0.0\n", "global: {g: G}\nsub: {v: from-parent}").Render();

        Assert.Contains("# Source: parent/charts/sub/templates/cm.yaml", output, StringComparison.Ordinal);
        Assert.Contains("v: \"from-parent\"\n  g: \"G\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sub: {enabled: false}", false)]
    [InlineData("sub: {enabled: true}", true)]
    [InlineData("", true)]
    public void Render_Condition_EnablesOrDisablesSubchart(string values, bool rendered)
    {
        var output = Parent("- name: sub\n  version: 1.0.0\n  condition: sub.enabled\n", values).Render();

        Assert.Equal(rendered, output.Contains("charts/sub/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tags: {backend: false}", false)]
    [InlineData("tags: {backend: false, extra: true}", true)]
    [InlineData("", true)]
    public void Render_Tags_EnableOrDisableSubchart(string values, bool rendered)
    {
        var output = Parent("- name: sub\n  version: 1.0.0\n  tags: [backend, extra]\n", values).Render();

        Assert.Equal(rendered, output.Contains("charts/sub/", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ConditionOverridesTags()
    {
        var output = Parent("- name: sub\n  version: 1.0.0\n  condition: sub.enabled\n  tags: [backend]\n", "tags: {backend: false}\nsub: {enabled: true}").Render();

        Assert.Contains("charts/sub/", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Alias_RendersSubchartUnderItsAlias()
    {
        var output = Parent("- name: sub\n  version: 1.0.0\n  alias: other\n", "other: {v: aliased}").Render();

        Assert.Contains("# Source: parent/charts/other/templates/cm.yaml", output, StringComparison.Ordinal);
        Assert.Contains("name: other", output, StringComparison.Ordinal);
        Assert.Contains("v: \"aliased\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImportValuesExports_LandInParentValues()
    {
        var chart = Parent("- name: sub\n  version: 1.0.0\n  import-values: [shared]\n", "own: 1")
            .Add("templates/parent.yaml", "kind: ConfigMap\nmetadata:\n  name: p\ndata:\n  imported: {{ .Values.fromSub }}\n");

        Assert.Contains("imported: yes-from-sub", chart.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LibraryChart_ProvidesDefinesButNoOutput()
    {
        var chart = ChartFiles.Chart("app", "dependencies:\n- name: lib\n  version: 1.0.0\n")
            .Add("charts/lib/Chart.yaml", "apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n")
            .Add("charts/lib/templates/_names.tpl", "{{ define \"lib.name\" }}lib-{{ .Chart.Name }}{{ end }}")
            .Add("charts/lib/templates/ignored.yaml", "kind: ShouldNotRender\n")
            .Add("templates/cm.yaml", "kind: ConfigMap\nmetadata:\n  name: {{ include \"lib.name\" . }}\n");

        var result = HelmRenderer.RenderFiles(chart.Files, new RenderOptions());

        var document = Assert.Single(result.Documents);
        Assert.Contains("name: lib-app", document.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IncludeCrds_PutsCrdsFirst()
    {
        var chart = ChartFiles.Chart("app")
            .Add("crds/thing.yaml", "kind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\n")
            .Add("templates/ns.yaml", "kind: Namespace\nmetadata:\n  name: n\n");

        var result = HelmRenderer.RenderFiles(chart.Files, new RenderOptions { IncludeCrds = true });

        Assert.Equal(["app/crds/thing.yaml", "app/templates/ns.yaml"], result.Documents.Select(d => d.SourcePath));
        Assert.Equal(("CustomResourceDefinition", "things.example.com"), (result.Documents[0].Kind, result.Documents[0].Name));
    }

    [Fact]
    public void Render_DeclaredDependencyNotVendored_FailsWithHelmsMessage()
    {
        var chart = ChartFiles.Chart("app", "dependencies:\n- name: redis\n  version: 1.0.0\n").Add("templates/ns.yaml", "kind: Namespace\n");

        var ex = Assert.Throws<ChartRenderException>(() => chart.Render());

        Assert.EndsWith("found in Chart.yaml, but missing in charts/ directory: redis", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LibraryChartAtRoot_IsNotInstallable()
    {
        var chart = ChartFiles.Chart("lib", "type: library\n").Add("templates/_x.tpl", "{{ define \"x\" }}{{ end }}");

        Assert.Equal("library charts are not installable", Assert.Throws<ChartRenderException>(() => chart.Render()).Message);
    }
}
