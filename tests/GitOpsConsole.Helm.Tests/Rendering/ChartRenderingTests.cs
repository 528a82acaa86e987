namespace GitOpsConsole.Helm.Tests.Rendering;

public sealed class ChartRenderingTests
{
    [Fact]
    public void RenderFiles_InMemoryChart_PrintsSourceHeaderPerDocument()
    {
        var chart = ChartFiles.Chart("app")
            .Add("values.yaml", "name: web")
            .Add("templates/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");

        var output = chart.Render();

        Assert.Equal("---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n\n---\n# Source: app/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n", output);
    }

    [Fact]
    public void RenderFiles_PartialsNotesAndEmptyFiles_ProduceNoDocuments()
    {
        var chart = ChartFiles.Chart("app")
            .Add("templates/_helpers.tpl", "{{ define \"x\" }}kind: Pod{{ end }}")
            .Add("templates/NOTES.txt", "Thanks for installing {{ .Chart.Name }}")
            .Add("templates/empty.yaml", "{{ if false }}kind: Pod{{ end }}\n")
            .Add("templates/pod.yaml", "{{ include \"x\" . }}\n");

        var result = HelmRenderer.RenderFiles(chart.Files, new RenderOptions());

        var document = Assert.Single(result.Documents);
        Assert.Equal("app/templates/pod.yaml", document.SourcePath);
        Assert.Equal("Thanks for installing app", result.Notes);
    }

    [Fact]
    public void RenderFiles_ReleaseChartAndTemplateObjects_AreExposed()
    {
        var chart = ChartFiles.Chart("app", "appVersion: \"2.0\"\n")
            .Add("templates/cm.yaml", "kind: ConfigMap\ndata:\n  r: {{ .Release.Name }}/{{ .Release.Namespace }}/{{ .Release.IsInstall }}/{{ .Release.Revision }}/{{ .Release.Service }}\n  c: {{ .Chart.Name }}-{{ .Chart.Version }}-{{ .Chart.AppVersion }}\n  t: {{ .Template.Name }} {{ .Template.BasePath }}\n");

        var output = chart.Render(new RenderOptions { ReleaseName = "rel", Namespace = "ns" });

        Assert.Contains("r: rel/ns/true/1/Helm", output, StringComparison.Ordinal);
        Assert.Contains("c: app-0.1.0-2.0", output, StringComparison.Ordinal);
        Assert.Contains("t: app/templates/cm.yaml app/templates", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderFiles_CapabilitiesWithKubeAndApiVersions_AreExposed()
    {
        var chart = ChartFiles.Chart("app")
            .Add("templates/cm.yaml", "kind: ConfigMap\ndata:\n  v: {{ .Capabilities.KubeVersion.Version }}\n  m: {{ .Capabilities.KubeVersion.Minor }}\n  apps: {{ .Capabilities.APIVersions.Has \"apps/v1\" }}\n  x: {{ .Capabilities.APIVersions.Has \"x.io/v1\" }}\n  gate: {{ semverCompare \">=1.25-0\" .Capabilities.KubeVersion.GitVersion }}\n");

        var output = chart.Render(new RenderOptions { KubeVersion = "1.29.3", ApiVersions = ["x.io/v1"] });

        Assert.Contains("v: v1.29.3\n  m: 29\n  apps: true\n  x: true\n  gate: true", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderFiles_FilesObject_ReadsGlobsAndConfig()
    {
        var chart = ChartFiles.Chart("app")
            .Add("config/a.conf", "alpha")
            .Add("config/b.conf", "beta\n")
            .Add("templates/cm.yaml", "kind: ConfigMap\ndata:\n  one: {{ .Files.Get \"config/a.conf\" }}\n{{ (.Files.Glob \"config/*\").AsConfig | indent 2 }}\n  lines: {{ len (.Files.Lines \"config/b.conf\") }}\n{{- range $path, $_ := .Files.Glob \"config/*.conf\" }}\n  p: {{ $path }}\n{{- end }}\n");

        var output = chart.Render();

        Assert.Contains("  one: alpha\n  a.conf: alpha\n  b.conf: |\n    beta\n  lines: 1\n  p: config/a.conf\n  p: config/b.conf\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderFiles_Required_FailsWithHelmsExecutionErrorMessage()
    {
        var chart = ChartFiles.Chart("app").Add("templates/cm.yaml", "kind: ConfigMap\nname: {{ required \"name is required\" .Values.name }}\n");

        var ex = Assert.Throws<ChartRenderException>(() => chart.Render());

        Assert.Equal("execution error at (app/templates/cm.yaml:2:9): name is required", ex.Message);
    }

    [Fact]
    public void RenderFiles_Fail_FailsWithItsMessage()
    {
        var chart = ChartFiles.Chart("app").Add("templates/cm.yaml", "{{ fail \"unsupported\" }}");

        var ex = Assert.Throws<ChartRenderException>(() => chart.Render());

        Assert.Equal("execution error at (app/templates/cm.yaml:1:3): unsupported", ex.Message);
    }

    [Fact]
    public void RenderFiles_ParseError_IsReportedLikeHelm()
    {
        var chart = ChartFiles.Chart("app").Add("templates/cm.yaml", "a: 1\n{{ if .Values.x }}\n");

        var ex = Assert.Throws<ChartRenderException>(() => chart.Render());

        Assert.Equal("parse error at (app/templates/cm.yaml:3): unexpected EOF", ex.Message);
    }

    [Fact]
    public void RenderFiles_InvalidYamlOutput_NamesTheTemplate()
    {
        var chart = ChartFiles.Chart("app").Add("templates/cm.yaml", "kind: ConfigMap\n  bad: [\n");

        var ex = Assert.Throws<ChartRenderException>(() => chart.Render());

        Assert.StartsWith("YAML parse error on app/templates/cm.yaml:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderFiles_HooksAndUnknownHooks_AreSortedAfterManifestsOrDropped()
    {
        var chart = ChartFiles.Chart("app")
            .Add("templates/job.yaml", "kind: Job\nmetadata:\n  name: migrate\n  annotations:\n    helm.sh/hook: pre-install,pre-upgrade\n")
            .Add("templates/odd.yaml", "kind: Job\nmetadata:\n  name: odd\n  annotations:\n    helm.sh/hook: sometime\n")
            .Add("templates/svc.yaml", "kind: Service\nmetadata:\n  name: svc\n");

        var result = HelmRenderer.RenderFiles(chart.Files, new RenderOptions());

        Assert.Equal(["svc", "migrate"], result.Documents.Select(d => d.Name));
        Assert.True(result.Documents[1].IsHook);
        Assert.False(result.Documents[1].IsTest);
    }

    [Fact]
    public void RenderFiles_ShowOnlyUnknownTemplate_Fails()
    {
        var chart = ChartFiles.Chart("app").Add("templates/svc.yaml", "kind: Service\n");

        var ex = Assert.Throws<ChartRenderException>(() => chart.Render(new RenderOptions { ShowOnly = ["templates/nope.yaml"] }));

        Assert.Equal("could not find template templates/nope.yaml in chart", ex.Message);
    }

    [Fact]
    public void RenderFiles_ValuesYamlAndSetString_AreLayeredInOrder()
    {
        var chart = ChartFiles.Chart("app")
            .Add("values.yaml", "a: default\nb: default\nc: default")
            .Add("templates/cm.yaml", "kind: ConfigMap\ndata: {{ toJson .Values }}\n");

        var output = chart.Render(new RenderOptions { ValuesYaml = ["a: file\nb: file"], SetValues = ["b=set"], SetStringValues = ["c=007"] });

        Assert.Contains("data: {\"a\":\"file\",\"b\":\"set\",\"c\":\"007\"}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderFiles_NoChartYaml_RendersPlainManifestsInKindOrder()
    {
        var files = new ChartFiles()
            .Add("deploy.yaml", "kind: Deployment\nmetadata:\n  name: d\n")
            .Add("nested/ns.yml", "kind: Namespace\nmetadata:\n  name: n\n")
            .Add("README.md", "not a manifest");

        var output = HelmRenderer.RenderFiles(files.Files, new RenderOptions()).FormatHelmOutput();

        Assert.Equal("---\n# Source: nested/ns.yml\nkind: Namespace\nmetadata:\n  name: n\n\n---\n# Source: deploy.yaml\nkind: Deployment\nmetadata:\n  name: d\n", output);
    }

    [Theory]
    [InlineData(">=1.25.0-0", "1.29.0", true)]
    [InlineData(">=1.25.0-0", "1.20.0", false)]
    public void RenderFiles_ChartKubeVersion_IsCheckedAgainstTarget(string constraint, string kubeVersion, bool compatible)
    {
        var chart = ChartFiles.Chart("app", $"kubeVersion: \"{constraint}\"\n").Add("templates/ns.yaml", "kind: Namespace\n");

        var render = () => chart.Render(new RenderOptions { KubeVersion = kubeVersion });

        if (compatible)
        {
            Assert.Contains("kind: Namespace", render(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal($"chart requires kubeVersion: {constraint} which is incompatible with Kubernetes v{kubeVersion}", Assert.Throws<ChartRenderException>(render).Message);
        }
    }
}
