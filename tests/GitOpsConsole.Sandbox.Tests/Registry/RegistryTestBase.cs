using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using GitOpsConsole.Sandbox.Tests.Support;

namespace GitOpsConsole.Sandbox.Tests.Registry;

/// <summary>A started registry on a free loopback port, an HttpClient pointed at it, and a data folder.</summary>
public abstract class RegistryTestBase : IAsyncLifetime
{
    protected TempDirectory Data { get; } = new();

    protected SandboxRegistry Registry { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected virtual IReadOnlyList<Uri> Endpoints => [];

    public virtual async ValueTask InitializeAsync() => await RestartAsync();

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }
        Data.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task RestartAsync()
    {
        Http?.Dispose();
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }
        Registry = new SandboxRegistry(new SandboxRegistryOptions
        {
            DataDirectory = Data.Path,
            NotificationEndpoints = Endpoints,
            NotificationRetry = new NotificationRetryPolicy(3, TimeSpan.FromMilliseconds(50)),
        });
        await Registry.StartAsync(TestContext.Current.CancellationToken);
        Http = new HttpClient { BaseAddress = Registry.BaseAddress };
    }

    protected Task<PublishedImage> PublishAsync(string repository, string tag, ImageRuntime runtime = ImageRuntime.Starts, int startupSeconds = 0) =>
        Registry.PublishAsync(new ImagePublication(repository, tag, new ImageBehavior(runtime, TimeSpan.FromSeconds(startupSeconds)),
            Files: new Dictionary<string, byte[]> { ["app/VERSION"] = "1.0.0\n"u8.ToArray() }), TestContext.Current.CancellationToken);
}
