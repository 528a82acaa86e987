using System.Runtime.InteropServices;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Kubernetes.Bench;

// "serve [kubeconfig] [stateDir]" runs an emulator for manual kubectl sessions; otherwise the benchmarks run.
if (args.Length > 0 && args[0] == "serve")
{
    var kubeconfig = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "sandbox-kubeconfig");
    await using var emulator = new KubernetesEmulator(new KubernetesEmulatorOptions
    {
        StateDirectory = args.Length > 2 ? args[2] : null,
        ImageCatalog = new EverythingStartsCatalog(),
        PodStartupOverride = TimeSpan.FromSeconds(2),
    });
    await emulator.StartAsync();
    emulator.WriteKubeconfig(kubeconfig);
    Console.WriteLine($"serving {emulator.BaseAddress} kubeconfig {kubeconfig}; stop with Ctrl+C or SIGTERM");
    using var stop = new CancellationTokenSource();
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // Asked to stop: dispose the emulator, which writes its final snapshot.
    }
    return 0;
}
return await Benchmarks.RunAsync(args);
