using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GitOpsConsole.Drift.Bench;

/// <summary>The real console in-process with its sandbox (pods Ready at once) and no periodic refresh: only watches react.</summary>
internal sealed class BenchConsole : WebApplicationFactory<Program>
{
    public BenchConsole()
    {
        // Run from bin/, the factory cannot guess the web project's folder (src/GitOpsConsole.Web); tell it.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GitOpsConsole.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_GITOPSCONSOLE_WEB",
            Path.Combine(root?.FullName ?? Environment.CurrentDirectory, "src", "GitOpsConsole.Web"));
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "gitops-drift-bench", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("GitOps:DataDirectory", DataDirectory);
        builder.UseSetting("GitOps:Sandbox:Enabled", "true");
        builder.UseSetting("GitOps:Sandbox:RegistryPort", "0");
        builder.UseSetting("GitOps:Sandbox:KubernetesPort", "0");
        builder.UseSetting("GitOps:Sandbox:PodStartupSeconds", "0");
        builder.UseSetting("GitOps:Operator:RefreshInterval", "00:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in /tmp are harmless.
        }
    }
}
