using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Store;

public sealed class ObjectStoreConcurrencyTests
{
    private static JsonObject ConfigMap(string name) => new() { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" } };

    [Fact]
    public async Task Commit_ParallelWriters_EveryChangeGetsAUniqueIncreasingVersionAndReachesTheWatcher()
    {
        var store = new ObjectStore(watchWindow: 10_000);
        using var watch = store.Subscribe("configmaps", null, store.CurrentResourceVersion);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var name = $"w{worker}-{i}";
                store.Commit("configmaps", "default", name, _ => Mutation.Put(ConfigMap(name)));
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(1600, store.List("configmaps", "default").Items.Count);
        var versions = new List<long>();
        while (watch.Events.TryRead(out var change))
        {
            versions.Add(change.ResourceVersion);
        }
        Assert.Equal(1600, versions.Count);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(1600, versions.Distinct().Count());
    }

    [Fact]
    public void Commit_WriteWithoutContentChange_KeepsResourceVersion()
    {
        var store = new ObjectStore(watchWindow: 100);
        var first = store.Commit("configmaps", "default", "same", _ => Mutation.Put(ConfigMap("same")))!;
        var second = store.Commit("configmaps", "default", "same", current => Mutation.Put(current!.CloneNode()))!;
        Assert.Equal(first.ResourceVersion, second.ResourceVersion);
    }
}
