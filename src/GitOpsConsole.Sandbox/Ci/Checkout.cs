using LibGit2Sharp;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>A throw-away working copy of one commit, cloned from the bare repository and removed on dispose.</summary>
internal sealed class Checkout : IDisposable
{
    private Checkout(string path) => Path = path;

    public string Path { get; }

    public static Checkout Create(string repositoryPath, string commit, string buildId)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gitops-ci", $"{buildId[..Math.Min(buildId.Length, 60)]}-{Guid.NewGuid():N}");
        var checkout = new Checkout(path);
        try
        {
            Repository.Clone(repositoryPath, path, new CloneOptions { Checkout = false });
            using var repo = new Repository(path);
            Commands.Checkout(repo, repo.Lookup<Commit>(commit), new CheckoutOptions { CheckoutModifiers = CheckoutModifiers.Force });
            return checkout;
        }
        catch
        {
            checkout.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
