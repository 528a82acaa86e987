using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Kubectl;

public sealed class KubectlBasicsTests
{
    [Fact]
    public async Task GetNamespaces_ListsDefaultNamespaces()
    {
        var kubectlPath = Support.Kubectl.Path;
        Assert.NotEmpty(kubectlPath);
        await using var cluster = await TestCluster.StartAsync();
        var result = (await new Support.Kubectl(cluster).RunAsync("get", "ns")).Succeeded();
        Assert.Contains("default", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("kube-system", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Active", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetNodes_ShowsTheReadySandboxNode()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync();
        var nodes = (await new Support.Kubectl(cluster).RunAsync("get", "nodes")).Succeeded().Stdout;
        Assert.Matches(@"sandbox-node\s+Ready\s+control-plane", nodes);
    }

    [Fact]
    public async Task ApplyTwice_SecondRunReportsUnchanged()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var kubectl = new Support.Kubectl(cluster);
        var manifest = Manifests.Deployment("web", "nginx:1.25");
        var first = (await kubectl.RunWithAsync(manifest, null, "apply", "-f", "-")).Succeeded();
        var second = (await kubectl.RunWithAsync(manifest, null, "apply", "-f", "-")).Succeeded();
        Assert.Contains("deployment.apps/web created", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("deployment.apps/web unchanged", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyChanged_ClientSide_PatchesOnlyTheDifference()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "nginx:1.25"), null, "apply", "-f", "-")).Succeeded();
        var changed = (await kubectl.RunWithAsync(Manifests.Deployment("web", "nginx:1.26", replicas: 4), null, "apply", "-f", "-")).Succeeded();
        Assert.Contains("configured", changed.Stdout, StringComparison.Ordinal);
        var json = JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "web", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal("nginx:1.26", json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
        Assert.Equal(4, json["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal(8080, json["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"]!.GetValue<int>());
    }

    [Fact]
    public async Task ApplyServerSide_ThenConflictingManager_FailsUnlessForced()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync();
        var kubectl = new Support.Kubectl(cluster);
        const string first = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"1\"\n  b: \"2\"\n";
        const string second = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: \"9\"\n";
        Assert.Contains("serverside-applied", (await kubectl.RunWithAsync(first, null, "apply", "--server-side", "-f", "-")).Succeeded().Stdout, StringComparison.Ordinal);
        var conflict = await kubectl.RunWithAsync(second, null, "apply", "--server-side", "--field-manager=other", "-f", "-");
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("conflict with \"kubectl\"", conflict.Stderr, StringComparison.Ordinal);
        (await kubectl.RunWithAsync(second, null, "apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-")).Succeeded();
        var data = JsonNode.Parse((await kubectl.RunAsync("get", "cm", "cfg", "-o", "json")).Succeeded().Stdout)!["data"]!;
        Assert.Equal("9", data["a"]!.ToString());
        Assert.Equal("2", data["b"]!.ToString());
    }

    [Theory]
    [InlineData("json", """[{"op":"replace","path":"/spec/replicas","value":5}]""")]
    [InlineData("merge", """{"spec":{"replicas":5}}""")]
    [InlineData("strategic", """{"spec":{"replicas":5}}""")]
    public async Task Patch_EachType_ChangesReplicas(string type, string patch)
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "nginx:1.25"), null, "apply", "-f", "-")).Succeeded();
        (await kubectl.RunAsync("patch", "deploy", "web", "--type", type, "-p", patch)).Succeeded();
        var replicas = (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}")).Succeeded().Stdout;
        Assert.Equal("5", replicas);
    }

    [Fact]
    public async Task StrategicPatch_AddsContainerByName_KeepsExisting()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "nginx:1.25"), null, "apply", "-f", "-")).Succeeded();
        (await kubectl.RunAsync("patch", "deploy", "web", "-p", """{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}""")).Succeeded();
        var images = (await kubectl.RunAsync("get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[*].image}")).Succeeded().Stdout;
        Assert.Equal("nginx:1.25 busybox", images);
    }

    [Fact]
    public async Task ScaleSetImageLabel_UpdateTheDeployment()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "nginx:1.25"), null, "apply", "-f", "-")).Succeeded();
        Assert.Contains("scaled", (await kubectl.RunAsync("scale", "deploy/web", "--replicas=3")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Contains("image updated", (await kubectl.RunAsync("set", "image", "deploy/web", "app=nginx:1.27")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Contains("labeled", (await kubectl.RunAsync("label", "deploy", "web", "tier=front")).Succeeded().Stdout, StringComparison.Ordinal);
        var json = JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "web", "-o", "json")).Succeeded().Stdout)!;
        Assert.Equal(3, json["spec"]!["replicas"]!.GetValue<int>());
        Assert.Equal("nginx:1.27", json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.ToString());
        Assert.Equal("front", json["metadata"]!["labels"]!["tier"]!.ToString());
    }

    [Fact]
    public async Task Edit_WithScriptedEditor_SavesTheChange()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync();
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  mode: slow\n", null, "apply", "-f", "-")).Succeeded();
        var editor = Path.Combine(cluster.Directory, "editor.sh");
        await File.WriteAllTextAsync(editor, "#!/bin/sh\nsed -i 's/mode: slow/mode: fast/' \"$1\"\n", TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(editor, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var edit = await kubectl.RunWithAsync(null, new Dictionary<string, string> { ["KUBE_EDITOR"] = editor }, "edit", "configmap", "cfg");
        Assert.Contains("edited", edit.Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Equal("fast", (await kubectl.RunAsync("get", "cm", "cfg", "-o", "jsonpath={.data.mode}")).Succeeded().Stdout);
    }

    [Fact]
    public async Task GetOutputs_YamlJsonWide_AllRender()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync(controllers: false);
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync(Manifests.Deployment("web", "nginx:1.25"), null, "apply", "-f", "-")).Succeeded();
        Assert.Contains("kind: Deployment", (await kubectl.RunAsync("get", "deploy", "web", "-o", "yaml")).Succeeded().Stdout, StringComparison.Ordinal);
        Assert.Equal("Deployment", JsonNode.Parse((await kubectl.RunAsync("get", "deploy", "web", "-o", "json")).Succeeded().Stdout)!["kind"]!.ToString());
        var wide = (await kubectl.RunAsync("get", "deploy", "-o", "wide")).Succeeded().Stdout;
        Assert.Contains("IMAGES", wide, StringComparison.Ordinal);
        Assert.Contains("nginx:1.25", wide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesObject_AndGetReportsNotFound()
    {
        _ = Support.Kubectl.Path;
        await using var cluster = await TestCluster.StartAsync();
        var kubectl = new Support.Kubectl(cluster);
        (await kubectl.RunWithAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n", null, "create", "-f", "-")).Succeeded();
        Assert.Contains("deleted", (await kubectl.RunAsync("delete", "configmap", "gone")).Succeeded().Stdout, StringComparison.Ordinal);
        var get = await kubectl.RunAsync("get", "configmap", "gone");
        Assert.NotEqual(0, get.ExitCode);
        Assert.Contains("NotFound", get.Stderr, StringComparison.Ordinal);
    }
}
