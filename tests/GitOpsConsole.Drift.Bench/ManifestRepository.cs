using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GitOpsConsole.Drift.Bench;

/// <summary>A bare Git repository with one plain manifest folder of ten objects, which every bench application deploys into its own namespace.</summary>
internal static class ManifestRepository
{
    public static async Task<string> CreateAsync(string root)
    {
        var work = Path.Combine(root, "work");
        var manifests = Path.Combine(work, "manifests");
        Directory.CreateDirectory(manifests);
        var yaml = new StringBuilder("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 1
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: bench/web:1.0.0
                      ports:
                        - containerPort: 8080
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
                - port: 80
                  targetPort: 8080
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: web

            """);
        for (var i = 0; i < 7; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-{i}\ndata:\n  level: \"{i}\"\n  region: eu-west\n");
        }

        await File.WriteAllTextAsync(Path.Combine(manifests, "all.yaml"), yaml.ToString());
        await GitAsync(work, "init", "-q", "-b", "main");
        await GitAsync(work, "add", ".");
        await GitAsync(work, "-c", "user.name=Bench", "-c", "user.email=bench@example.test", "commit", "-qm", "Ten objects");
        var bare = Path.Combine(root, "manifests.git");
        await GitAsync(root, "clone", "-q", "--bare", work, bare);
        return bare;
    }

    private static async Task GitAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)}: {error}");
        }
    }
}
