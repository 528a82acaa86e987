using GitOpsConsole.Integrations.Git;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Integrations.Tests.Git;

/// <summary>
/// A temp folder holding a "remote" bare repository for application <c>shop</c> with a small chart,
/// the adapter's mirror folder, and the adapter wired over them.
/// </summary>
internal sealed class GitTestContext : IDisposable
{
    public const string App = "shop";

    public static readonly IReadOnlyDictionary<string, string> InitialFiles = new Dictionary<string, string>
    {
        ["chart/Chart.yaml"] = "apiVersion: v2\nname: shop\nversion: 0.1.0\n",
        ["chart/values.yaml"] = "replicaCount: 1\nimage:\n  repository: registry.test/shop\n  tag: v1\nservice:\n  port: 80\n",
        ["chart/templates/deployment.yaml"] = "kind: Deployment\nimage: {{ .Values.image.tag }}\n",
        ["README.md"] = "# shop\n",
    };

    private GitTestContext(string root, RemoteRepository remote, int maxPushAttempts, IReadOnlyDictionary<string, string> repositories)
    {
        Root = root;
        Remote = remote;
        Mirrors = new GitMirrorCache(
            new GitMirrorOptions
            {
                MirrorDirectory = Path.Combine(root, "data", "repos"),
                Repositories = repositories,
                MaxPushAttempts = maxPushAttempts,
            },
            RepositoryUrlResolver.ForDataDirectory(Path.Combine(root, "data"), sandboxEnabled: true),
            NullLogger<GitMirrorCache>.Instance);
        Reader = new GitReader(Mirrors);
        Writer = new GitWriter(Mirrors, Time);
    }

    public string Root { get; }

    public RemoteRepository Remote { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));

    public GitMirrorCache Mirrors { get; }

    public GitReader Reader { get; }

    public GitWriter Writer { get; }

    public static GitSignature Bot { get; } = new("GitOps Console", "console@example.test");

    public static GitTestContext Create(int maxPushAttempts = 5, Func<string, string>? repositoryFor = null)
    {
        GitCli.Require();
        var root = Directory.CreateTempSubdirectory("gitops-git-").FullName;
        var remote = RemoteRepository.Create(Path.Combine(root, "remote", "shop.git"), root, InitialFiles);
        var configured = repositoryFor?.Invoke(remote.BarePath) ?? remote.BarePath;
        return new GitTestContext(root, remote, maxPushAttempts, new Dictionary<string, string> { [App] = configured });
    }

    public string MirrorPath => Mirrors.MirrorPath(App);

    public void Dispose()
    {
        Mirrors.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless; a failed cleanup must not fail the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
