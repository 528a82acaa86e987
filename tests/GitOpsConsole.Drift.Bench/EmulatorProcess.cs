using System.Diagnostics;
using System.Reflection;
using GitOpsConsole.Sandbox.Kubernetes;

namespace GitOpsConsole.Drift.Bench;

/// <summary>
/// The Kubernetes emulator in a child process of this bench (<c>emulator &lt;kubeconfig&gt;</c>), so the parent's memory
/// figures are the sweep's own and not the 13,000 stored objects and controllers of the emulator.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process) => _process = process;

    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public static async Task<EmulatorProcess> StartAsync(string kubeconfig)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        start.ArgumentList.Add("emulator");
        start.ArgumentList.Add(kubeconfig);
        var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(kubeconfig))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The emulator process did not write its kubeconfig within 60 s.");
            }

            await Task.Delay(50);
        }

        return new EmulatorProcess(process);
    }

    /// <summary>The child's side: serve until the parent closes standard input.</summary>
    public static async Task<int> ServeAsync(string kubeconfig)
    {
        await using var emulator = new KubernetesEmulator(new KubernetesEmulatorOptions { ImageCatalog = new StartsCatalog(), PodStartupOverride = TimeSpan.Zero });
        await emulator.StartAsync();
        emulator.WriteKubeconfig(kubeconfig + ".tmp");
        File.Move(kubeconfig + ".tmp", kubeconfig);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private sealed class StartsCatalog : IImageCatalog
    {
        public ImageBehavior? Find(string imageReference) => new(ImageRuntime.Starts, TimeSpan.Zero);
    }
}
