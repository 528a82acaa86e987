using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Sandbox.Kubernetes.Tests.Support;

/// <summary>A running emulator on a free port with its own temp folder, kubeconfig and HTTP client.</summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private TestCluster(KubernetesEmulator emulator, string directory, KubernetesEmulatorOptions options)
    {
        Emulator = emulator;
        Directory = directory;
        Options = options;
        Kubeconfig = Path.Combine(directory, "kubeconfig");
        emulator.WriteKubeconfig(Kubeconfig);
        Http = new HttpClient { BaseAddress = emulator.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public KubernetesEmulator Emulator { get; }
    public string Directory { get; }
    public KubernetesEmulatorOptions Options { get; }
    public string Kubeconfig { get; }
    public HttpClient Http { get; }

    public FakeTimeProvider? FakeTime => Options.TimeProvider as FakeTimeProvider;

    public static async Task<TestCluster> StartAsync(
        IImageCatalog? catalog = null, TimeProvider? time = null, string? stateDirectory = null,
        TimeSpan? podStartup = null, int watchWindow = 10_000, bool controllers = true)
    {
        var directory = Path.Combine(Path.GetTempPath(), "k8s-emulator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var options = new KubernetesEmulatorOptions
        {
            StateDirectory = stateDirectory,
            ImageCatalog = catalog ?? new TestImageCatalog(),
            TimeProvider = time ?? TimeProvider.System,
            PodStartupOverride = podStartup,
            WatchWindow = watchWindow,
            RunControllers = controllers,
        };
        var emulator = new KubernetesEmulator(options);
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        return new TestCluster(emulator, directory, options);
    }

    public async Task<(int Status, JsonObject Body)> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(text) as JsonObject ?? []);
    }

    public Task<(int Status, JsonObject Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(int Status, JsonObject Body)> PostAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl child may still hold its cache open; the temp folder is disposable anyway.
        }
    }
}
