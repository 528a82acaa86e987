using GitOpsConsole.Sandbox.Internal;

namespace GitOpsConsole.Sandbox.Registry;

/// <summary>
/// Content-addressed blob store plus per-repository links, laid out like the distribution
/// registry's filesystem driver under <c>&lt;data&gt;/sandbox/registry/</c>:
/// <c>blobs/sha256/&lt;hex&gt;</c>, <c>repositories/&lt;name&gt;/_manifests|_layers/&lt;hex&gt;</c>,
/// <c>repositories/&lt;name&gt;/_tags/&lt;tag&gt;</c> (holding the digest). Names can't begin with '_',
/// so the link folders never collide with nested repository names. An in-memory index mirrors the links.
/// </summary>
internal sealed class RegistryStorage
{
    private readonly string _blobs;
    private readonly string _repositories;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, RepositoryIndex> _index = new(StringComparer.Ordinal);

    public RegistryStorage(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "sandbox", "registry");
        _blobs = Path.Combine(root, "blobs", "sha256");
        _repositories = Path.Combine(root, "repositories");
        Load();
    }

    public IReadOnlyList<string> Repositories()
    {
        lock (_gate)
        {
            return [.. _index.Keys];
        }
    }

    /// <summary>Drops a repository's links (its tags and manifests); blobs stay, other repositories may share them.</summary>
    public bool DeleteRepository(string repository)
    {
        lock (_gate)
        {
            if (!_index.Remove(repository))
            {
                return false;
            }

            var folder = RepositoryFolder(repository);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return true;
        }
    }

    public bool RepositoryExists(string repository)
    {
        lock (_gate)
        {
            return _index.ContainsKey(repository);
        }
    }

    /// <summary>Tags of a repository in ordinal order, or null when the repository is unknown.</summary>
    public IReadOnlyList<string>? Tags(string repository)
    {
        lock (_gate)
        {
            return _index.TryGetValue(repository, out var index) ? [.. index.Tags.Keys] : null;
        }
    }

    /// <summary>Resolves a tag or digest to the manifest digest, if the repository has it.</summary>
    public string? ResolveManifest(string repository, string reference)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(repository, out var index))
            {
                return null;
            }
            return RegistryNames.IsValidDigest(reference)
                ? index.Manifests.Contains(reference) ? reference : null
                : index.Tags.GetValueOrDefault(reference);
        }
    }

    public bool HasBlob(string repository, string digest)
    {
        lock (_gate)
        {
            return _index.TryGetValue(repository, out var index) && index.Blobs.Contains(digest);
        }
    }

    public byte[] ReadBlob(string digest) => File.ReadAllBytes(Path.Combine(_blobs, Sha256Digest.Hex(digest)));

    /// <summary>Every (repository, manifest digest) pair, for building caches at start-up.</summary>
    public IReadOnlyList<(string Repository, string Digest)> AllManifests()
    {
        lock (_gate)
        {
            return [.. _index.SelectMany(r => r.Value.Manifests.Select(d => (r.Key, d)))];
        }
    }

    /// <summary>Stores the image: blobs first, then links, the tag last, so a crash never leaves a tag pointing at nothing.</summary>
    public void Put(string repository, string tag, OciImage image)
    {
        var layerDigests = new[] { Sha256Digest.Of(image.Config), Sha256Digest.Of(image.Layer) };
        WriteBlob(image.Config);
        WriteBlob(image.Layer);
        WriteBlob(image.Manifest);
        var folder = RepositoryFolder(repository);
        lock (_gate)
        {
            foreach (var digest in layerDigests)
            {
                AtomicFile.WriteAllBytes(Path.Combine(folder, "_layers", Sha256Digest.Hex(digest)), []);
            }
            AtomicFile.WriteAllBytes(Path.Combine(folder, "_manifests", Sha256Digest.Hex(image.ManifestDigest)), []);
            AtomicFile.WriteAllBytes(Path.Combine(folder, "_tags", tag), System.Text.Encoding.ASCII.GetBytes(image.ManifestDigest));
            if (!_index.TryGetValue(repository, out var index))
            {
                _index[repository] = index = new RepositoryIndex();
            }
            index.Blobs.UnionWith(layerDigests);
            index.Manifests.Add(image.ManifestDigest);
            index.Tags[tag] = image.ManifestDigest;
        }
    }

    private void WriteBlob(byte[] content)
    {
        var path = Path.Combine(_blobs, Sha256Digest.Hex(Sha256Digest.Of(content)));
        if (!File.Exists(path))
        {
            AtomicFile.WriteAllBytes(path, content);
        }
    }

    private string RepositoryFolder(string repository) => Path.Combine(_repositories, RegistryNames.ValidateRepository(repository));

    private void Load()
    {
        if (!Directory.Exists(_repositories))
        {
            return;
        }
        foreach (var manifests in Directory.EnumerateDirectories(_repositories, "_manifests", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(manifests)!;
            var name = Path.GetRelativePath(_repositories, folder).Replace(Path.DirectorySeparatorChar, '/');
            var index = new RepositoryIndex();
            index.Manifests.UnionWith(Links(manifests));
            index.Blobs.UnionWith(Links(Path.Combine(folder, "_layers")));
            foreach (var tagFile in EnumerateFiles(Path.Combine(folder, "_tags")))
            {
                index.Tags[Path.GetFileName(tagFile)] = File.ReadAllText(tagFile).Trim();
            }
            _index[name] = index;
        }
    }

    private static IEnumerable<string> Links(string folder) =>
        EnumerateFiles(folder).Select(path => "sha256:" + Path.GetFileName(path)).Where(RegistryNames.IsValidDigest);

    // Leftover *.tmp files of an interrupted write are not links; the name filters keep them out.
    private static IEnumerable<string> EnumerateFiles(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder).Where(path => !path.EndsWith(".tmp", StringComparison.Ordinal))
        : [];

    private sealed class RepositoryIndex
    {
        public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Manifests { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Blobs { get; } = new(StringComparer.Ordinal);
    }
}
