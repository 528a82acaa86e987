using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Helm.Tests;

/// <summary>The `helm create` chart renders to valid YAML with the expected resources.</summary>
public sealed class ScaffoldTests
{
    private static readonly string[] EnabledFeatures = ["ingress.enabled=true", "autoscaling.enabled=true"];

    [Fact]
    public void Render_DefaultValues_ProducesDeploymentServiceServiceAccountAndTestPod()
    {
        var kinds = RenderKinds(new RenderOptions());

        Assert.Equal(["ServiceAccount", "Service", "Deployment", "Pod"], kinds);
    }

    [Fact]
    public void Render_IngressAndAutoscalingEnabled_AddsIngressAndHpa()
    {
        var kinds = RenderKinds(new RenderOptions { SetValues = EnabledFeatures });

        Assert.Equal(["ServiceAccount", "Service", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Pod"], kinds);
    }

    [Fact]
    public void Render_SkipTests_DropsTheTestPod()
    {
        var kinds = RenderKinds(new RenderOptions { SetValues = EnabledFeatures, SkipTests = true });

        Assert.DoesNotContain("Pod", kinds);
        Assert.Contains("Deployment", kinds);
    }

    [Fact]
    public void Render_AutoscalingEnabled_DeploymentHasNoReplicas()
    {
        Fixtures.Require("helm-scaffold");
        var result = HelmRenderer.Render(Fixtures.Path("helm-scaffold"), new RenderOptions { SetValues = EnabledFeatures });

        var deployment = Parse(result.Documents.Single(d => d.Kind == "Deployment").Content);
        var spec = (YamlMappingNode)deployment.Children[new YamlScalarNode("spec")];
        Assert.False(spec.Children.ContainsKey(new YamlScalarNode("replicas")));
    }

    [Fact]
    public void Render_ChartLoadedOnce_RendersAgainWithDifferentValues()
    {
        Fixtures.Require("helm-scaffold");
        var chart = Charts.ChartLoader.LoadDirectory(Fixtures.Path("helm-scaffold"));

        var first = HelmRenderer.Render(chart, new RenderOptions { SetValues = ["replicaCount=3"] });
        var second = HelmRenderer.Render(chart, new RenderOptions { SetValues = ["replicaCount=5"] });

        Assert.Contains("replicas: 3", first.FormatHelmOutput(), StringComparison.Ordinal);
        Assert.Contains("replicas: 5", second.FormatHelmOutput(), StringComparison.Ordinal);
    }

    private static List<string> RenderKinds(RenderOptions options)
    {
        Fixtures.Require("helm-scaffold");
        var result = HelmRenderer.Render(Fixtures.Path("helm-scaffold"), options);
        var kinds = new List<string>();
        foreach (var document in result.Documents)
        {
            var root = Parse(document.Content);
            kinds.Add(root.Children[new YamlScalarNode("kind")].ToString());
        }

        return kinds;
    }

    private static YamlMappingNode Parse(string content)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(content));
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }
}
