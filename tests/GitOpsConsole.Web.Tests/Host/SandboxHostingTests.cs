using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GitOpsConsole.Integrations.Kubernetes;
using GitOpsConsole.Web.Sandbox;
using k8s;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Host;

/// <summary>The console starts the sandbox world and reaches it the way kubectl and git do.</summary>
public class SandboxHostingTests
{
    private static ConsoleFactory WithSandbox() => new(
        ("GitOps:Sandbox:Enabled", "true"),
        ("GitOps:Sandbox:RegistryPort", "0"),
        ("GitOps:Sandbox:KubernetesPort", "0"),
        ("GitOps:Sandbox:PodStartupSeconds", "0"));

    [Fact]
    public async Task Start_SandboxEnabled_ReadyzReportsItsEndpoints()
    {
        await using var factory = WithSandbox();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var sandbox = json.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "sandbox");
        Assert.Equal("Healthy", sandbox.GetProperty("status").GetString());
        Assert.Contains("Kubernetes API http://127.0.0.1:", sandbox.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("3 repositories", sandbox.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SandboxEnabled_KubeconfigOpensTheEmulatorWithKubernetesClient()
    {
        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var runtime = factory.Services.GetRequiredService<SandboxRuntime>();

        using var kubernetes = (k8s.Kubernetes)KubernetesConnection.FromKubeconfig(Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig"));
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SandboxState.Running, runtime.State);
        Assert.Contains(namespaces.Items, n => n.Metadata.Name == "default");
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "sandbox", "git", "storefront.git")));
    }

    [Fact]
    public async Task Start_SandboxEnabled_RealKubectlTalksToIt()
    {
        var kubectl = FindOnPath("kubectl");
        if (kubectl is null)
        {
            var reason = "kubectl not found on PATH (install kubernetes-client)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        await using var factory = WithSandbox();
        factory.CreateClient().Dispose();
        var start = new ProcessStartInfo(kubectl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--kubeconfig", Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig"), "get", "namespaces", "-o", "name" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, error);
        Assert.Contains("namespace/default", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SandboxDisabled_ReadyzSaysSo()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("disabled (GitOps:Sandbox:Enabled=false)", body, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "sandbox", "kubeconfig")));
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
