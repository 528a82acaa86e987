using System.Text.Json;
using GitOpsConsole.Sandbox.Internal;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// The ref tips last reported per repository, persisted so pushes made while the detector was
/// stopped are still reported (as one push per changed ref) when it starts again.
/// </summary>
internal sealed class RefTipStore(string gitRoot)
{
    // A leading dot keeps the folder out of the repository namespace (names may not start with one).
    private readonly string _folder = Path.Combine(gitRoot, ".push-state");

    public Dictionary<string, string>? Load(string repository)
    {
        var path = PathOf(repository);
        if (!File.Exists(path))
        {
            return null;
        }
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(path), SandboxJson.Options)
            ?? throw new InvalidDataException($"Ref state file {path} is empty.");
    }

    public void Save(string repository, IReadOnlyDictionary<string, string> tips) =>
        AtomicFile.WriteAllBytes(PathOf(repository), JsonSerializer.SerializeToUtf8Bytes(tips, SandboxJson.Options));

    public void Delete(string repository) => File.Delete(PathOf(repository));

    private string PathOf(string repository) => Path.Combine(_folder, RepositoryName.Validate(repository) + ".json");
}
