using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Persistence;

/// <summary>
/// Write-through persistence: every committed change is appended to state.log (one JSON line);
/// on open and close the log is folded into state.snapshot. Lines are flushed to the OS on each
/// write (no fsync), which survives a process restart at the cost of one small write per change.
/// </summary>
internal sealed class StateJournal : IStoreJournal, IDisposable
{
    private const string SnapshotFile = "state.snapshot";
    private const string LogFile = "state.log";
    private const int CompactAfter = 200_000;

    private readonly string _directory;
    private FileStream? _log;
    private int _entries;

    private StateJournal(string directory) => _directory = directory;

    /// <summary>Reads persisted state, compacts it and opens the log for appending.</summary>
    public static (StateJournal Journal, List<(string StorageKey, JsonObject Node)> Objects, long ResourceVersion) Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var journal = new StateJournal(directory);
        var state = new StateReader(Path.Combine(directory, SnapshotFile), Path.Combine(directory, LogFile)).Read();
        journal.WriteSnapshot(state.Objects.Select(o => (o.StorageKey, (ReadOnlyMemory<byte>)JsonSerializer.SerializeToUtf8Bytes(o.Node))), state.ResourceVersion);
        journal._log = new FileStream(Path.Combine(directory, LogFile), FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        return (journal, state.Objects, state.ResourceVersion);
    }

    public void Put(StoredObject stored)
    {
        using var buffer = new MemoryStream(stored.Json.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("op", "put");
            writer.WriteString("k", stored.StorageKey);
            writer.WritePropertyName("o");
            writer.WriteRawValue(stored.Json, skipInputValidation: true);
            writer.WriteEndObject();
        }
        Append(buffer);
    }

    public void Delete(StoredObject removed, long resourceVersion)
    {
        using var buffer = new MemoryStream(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("op", "del");
            writer.WriteString("k", removed.StorageKey);
            writer.WriteString("ns", removed.Namespace);
            writer.WriteString("n", removed.Name);
            writer.WriteString("rv", resourceVersion.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        Append(buffer);
    }

    /// <summary>Folds the log into a fresh snapshot; called under the store lock with its current contents.</summary>
    public void Compact(IEnumerable<StoredObject> objects, long resourceVersion)
    {
        WriteSnapshot(objects.Select(o => (o.StorageKey, (ReadOnlyMemory<byte>)o.Json)), resourceVersion);
        _log?.SetLength(0);
        _log?.Flush();
        _entries = 0;
    }

    public bool WantsCompaction => _entries >= CompactAfter;

    public void Dispose()
    {
        _log?.Flush(flushToDisk: true);
        _log?.Dispose();
        _log = null;
    }

    private void Append(MemoryStream line)
    {
        line.WriteByte((byte)'\n');
        var log = _log ?? throw new ObjectDisposedException(nameof(StateJournal));
        log.Write(line.GetBuffer(), 0, (int)line.Length);
        log.Flush();
        _entries++;
    }

    private void WriteSnapshot(IEnumerable<(string StorageKey, ReadOnlyMemory<byte> Json)> objects, long resourceVersion)
    {
        var temp = Path.Combine(_directory, SnapshotFile + ".tmp");
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 256 * 1024))
        {
            using (var writer = new Utf8JsonWriter(file))
            {
                writer.WriteStartObject();
                writer.WriteString("resourceVersion", resourceVersion.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }
            file.WriteByte((byte)'\n');
            foreach (var (storageKey, json) in objects)
            {
                using (var writer = new Utf8JsonWriter(file))
                {
                    writer.WriteStartObject();
                    writer.WriteString("k", storageKey);
                    writer.WritePropertyName("o");
                    writer.WriteRawValue(json.Span, skipInputValidation: true);
                    writer.WriteEndObject();
                }
                file.WriteByte((byte)'\n');
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(_directory, SnapshotFile), overwrite: true);
    }
}
