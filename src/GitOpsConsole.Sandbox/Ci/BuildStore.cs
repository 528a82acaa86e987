using System.Collections.Concurrent;
using System.Text.Json;
using GitOpsConsole.Sandbox.Internal;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>
/// Build records as one JSON file each under <c>&lt;data&gt;/sandbox/ci/builds/</c>, mirrored in memory.
/// Every change is written before it is visible, so a restart shows exactly what was last reported.
/// </summary>
internal sealed class BuildStore
{
    private readonly string _builds;
    private readonly ConcurrentDictionary<string, BuildRecord> _records = new(StringComparer.Ordinal);

    public BuildStore(string dataDirectory)
    {
        var root = Path.Combine(dataDirectory, "sandbox", "ci");
        _builds = Path.Combine(root, "builds");
        LogsFolder = Path.Combine(root, "logs");
        Directory.CreateDirectory(_builds);
        Directory.CreateDirectory(LogsFolder);
        foreach (var file in Directory.EnumerateFiles(_builds, "*.json"))
        {
            var record = JsonSerializer.Deserialize<BuildRecord>(File.ReadAllBytes(file), SandboxJson.Options)
                ?? throw new InvalidDataException($"Build file {file} is empty.");
            _records[record.Id] = record;
        }
    }

    public string LogsFolder { get; }

    public string LogPathOf(string id) => Path.Combine(LogsFolder, id + ".log");

    public BuildRecord? Get(string id) => _records.GetValueOrDefault(id);

    public IReadOnlyList<BuildRecord> All() => [.. _records.Values.OrderBy(r => r.QueuedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public void Save(BuildRecord record)
    {
        AtomicFile.WriteAllBytes(Path.Combine(_builds, record.Id + ".json"), JsonSerializer.SerializeToUtf8Bytes(record, SandboxJson.Options));
        _records[record.Id] = record;
    }
}
