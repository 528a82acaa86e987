using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Rest;

public sealed class ListTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Theory]
    [InlineData("tier=web", "a")]
    [InlineData("tier==web", "a")]
    [InlineData("tier!=web", "b,c")]
    [InlineData("tier in (web,db)", "a,b")]
    [InlineData("tier notin (web)", "b,c")]
    [InlineData("tier", "a,b")]
    [InlineData("!tier", "c")]
    [InlineData("tier=db,env=prod", "b")]
    public async Task List_LabelSelector_FiltersItems(string selector, string expected)
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("a", labels: """{"tier":"web"}"""));
        await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("b", labels: """{"tier":"db","env":"prod"}"""));
        await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("c"));
        var (_, list) = await cluster.GetAsync(ConfigMaps + "?labelSelector=" + Uri.EscapeDataString(selector));
        Assert.Equal(expected, string.Join(',', list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString())));
    }

    [Fact]
    public async Task List_FieldSelector_FiltersByNameAndNamespace()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson("a"));
        await cluster.PostAsync("/api/v1/namespaces/kube-system/configmaps", Manifests.ConfigMapJson("a", "kube-system"));
        var (_, list) = await cluster.GetAsync("/api/v1/configmaps?fieldSelector=" + Uri.EscapeDataString("metadata.name=a,metadata.namespace!=default"));
        var item = Assert.Single(list["items"]!.AsArray());
        Assert.Equal("kube-system", item!["metadata"]!["namespace"]!.ToString());
    }

    [Theory]
    [InlineData("tier in (web")]
    [InlineData("=web")]
    [InlineData("tier,,env")]
    public async Task List_MalformedLabelSelector_Returns400(string selector)
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.GetAsync(ConfigMaps + "?labelSelector=" + Uri.EscapeDataString(selector));
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", body["reason"]!.ToString());
    }

    [Fact]
    public async Task List_UnsupportedFieldSelector_Returns400()
    {
        await using var cluster = await TestCluster.StartAsync();
        var (status, body) = await cluster.GetAsync(ConfigMaps + "?fieldSelector=data.k%3Dv");
        Assert.Equal(400, status);
        Assert.Equal("BadRequest", body["reason"]!.ToString());
    }

    [Fact]
    public async Task List_LimitAndContinue_PagesThroughEverything()
    {
        await using var cluster = await TestCluster.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await cluster.PostAsync(ConfigMaps, Manifests.ConfigMapJson($"cm-{i}"));
        }
        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (_, page) = await cluster.GetAsync(ConfigMaps + "?limit=3" + (token is null ? "" : "&continue=" + Uri.EscapeDataString(token)));
            names.AddRange(page["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString()));
            token = page["metadata"]!["continue"]?.ToString();
            pages++;
        }
        while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"cm-{i}"), names);
    }
}
