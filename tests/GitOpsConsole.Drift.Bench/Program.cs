namespace GitOpsConsole.Drift.Bench;

/// <summary><c>dotnet run -c Release --project tests/GitOpsConsole.Drift.Bench -- [latency [edits]] [sweep [apps]]</c></summary>
internal static class DriftBench
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["emulator", var kubeconfig])
        {
            return await EmulatorProcess.ServeAsync(kubeconfig);
        }

        var runLatency = args.Length == 0 || args.Contains("latency");
        var runSweep = args.Length == 0 || args.Contains("sweep");
        int After(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) ? n : fallback;

        if (runLatency)
        {
            await LatencyBench.RunAsync(After("latency", 50));
        }

        if (runSweep)
        {
            await SweepBench.RunAsync(After("sweep", 1000));
        }

        return 0;
    }
}
