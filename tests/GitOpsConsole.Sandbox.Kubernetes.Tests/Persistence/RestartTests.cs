using System.Globalization;
using GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Persistence;

public sealed class RestartTests
{
    private static long Rv(System.Text.Json.Nodes.JsonObject o) => long.Parse(o["metadata"]!["resourceVersion"]!.ToString(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Restart_SameStateDirectory_KeepsObjectsAndResourceVersionsKeepIncreasing()
    {
        var state = Path.Combine(Path.GetTempPath(), "k8s-emulator-state", Guid.NewGuid().ToString("N"));
        long lastVersion;
        string uid;
        await using (var first = await TestCluster.StartAsync(stateDirectory: state, controllers: false))
        {
            await first.PostAsync("/api/v1/namespaces", """{"metadata":{"name":"team"}}""");
            var (_, created) = await first.PostAsync("/api/v1/namespaces/team/configmaps", Manifests.ConfigMapJson("kept", "team"));
            uid = created["metadata"]!["uid"]!.ToString();
            await first.PostAsync("/api/v1/namespaces/team/configmaps", Manifests.ConfigMapJson("removed", "team"));
            var (_, deleted) = await first.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/team/configmaps/removed");
            Assert.Equal("Success", deleted["status"]!.ToString());
            var (_, list) = await first.GetAsync("/api/v1/configmaps");
            lastVersion = Rv(list);
        }

        var second = await TestCluster.StartAsync(stateDirectory: state, controllers: false);
        await using var cleanup = new StateCleanup(state, second);
        var (status, kept) = await second.GetAsync("/api/v1/namespaces/team/configmaps/kept");
        Assert.Equal(200, status);
        Assert.Equal(uid, kept["metadata"]!["uid"]!.ToString());
        Assert.Equal(404, (await second.GetAsync("/api/v1/namespaces/team/configmaps/removed")).Status);
        var (_, next) = await second.PostAsync("/api/v1/namespaces/team/configmaps", Manifests.ConfigMapJson("after", "team"));
        Assert.True(Rv(next) > lastVersion, $"resourceVersion {Rv(next)} should exceed {lastVersion}");
    }

    [Fact]
    public async Task Restart_WithCustomResourceDefinition_ServesCustomResourcesAgain()
    {
        var state = Path.Combine(Path.GetTempPath(), "k8s-emulator-state", Guid.NewGuid().ToString("N"));
        await using (var first = await TestCluster.StartAsync(stateDirectory: state, controllers: false))
        {
            await first.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", """
                {"metadata":{"name":"gadgets.example.com"},"spec":{"group":"example.com","scope":"Namespaced",
                 "names":{"plural":"gadgets","singular":"gadget","kind":"Gadget"},"versions":[{"name":"v1","served":true,"storage":true}]}}
                """);
            await first.PostAsync("/apis/example.com/v1/namespaces/default/gadgets", """{"apiVersion":"example.com/v1","kind":"Gadget","metadata":{"name":"g"}}""");
        }
        var second = await TestCluster.StartAsync(stateDirectory: state, controllers: false);
        await using var cleanup = new StateCleanup(state, second);
        Assert.Equal(200, (await second.GetAsync("/apis/example.com/v1/namespaces/default/gadgets/g")).Status);
    }

    [Fact]
    public async Task Restart_AfterUncleanStopWithTornLastLine_ReplaysTheLog()
    {
        var state = Path.Combine(Path.GetTempPath(), "k8s-emulator-state", Guid.NewGuid().ToString("N"));
        await using (var first = await TestCluster.StartAsync(stateDirectory: state, controllers: false))
        {
            await first.PostAsync("/api/v1/namespaces/default/configmaps", Manifests.ConfigMapJson("logged"));
            // Copy the log as it is while running, before shutdown folds it into the snapshot.
            File.Copy(Path.Combine(state, "state.log"), Path.Combine(state, "crash.log"));
        }
        File.Delete(Path.Combine(state, "state.snapshot"));
        File.Move(Path.Combine(state, "crash.log"), Path.Combine(state, "state.log"), overwrite: true);
        await File.AppendAllTextAsync(Path.Combine(state, "state.log"), "{\"op\":\"put\",\"k\":\"configmaps\",\"o\":{\"meta", TestContext.Current.CancellationToken);

        var second = await TestCluster.StartAsync(stateDirectory: state, controllers: false);
        await using var cleanup = new StateCleanup(state, second);
        Assert.Equal(200, (await second.GetAsync("/api/v1/namespaces/default/configmaps/logged")).Status);
    }

    /// <summary>Stops the cluster before removing the state folder it writes its final snapshot into.</summary>
    private sealed class StateCleanup(string state, TestCluster cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cluster.DisposeAsync();
            Directory.Delete(state, recursive: true);
        }
    }
}
