namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Rest;

public sealed class EmulatorOptionsTests
{
    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KubernetesEmulator(new KubernetesEmulatorOptions { Port = 70000 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KubernetesEmulator(new KubernetesEmulatorOptions { WatchWindow = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KubernetesEmulator(new KubernetesEmulatorOptions { PodStartupOverride = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public async Task Start_BindsLoopbackAndWritesKubeconfigForThatAddress()
    {
        await using var emulator = new KubernetesEmulator(new KubernetesEmulatorOptions());
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        var path = Path.Combine(Path.GetTempPath(), "k8s-emulator-tests", Guid.NewGuid().ToString("N"), "config");
        emulator.WriteKubeconfig(path);
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains($"server: http://127.0.0.1:{emulator.BaseAddress.Port}", text, StringComparison.Ordinal);
        Assert.Contains("current-context: sandbox", text, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
