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
    Console.WriteLine($"serving {emulator.BaseAddress} kubeconfig {kubeconfig}");
    await Task.Delay(Timeout.Infinite);
    return 0;
}
return await Benchmarks.RunAsync(args);
