using System.Threading.Channels;

namespace GitOpsConsole.Sandbox.Git;

/// <summary>
/// Watches one bare repository's refs/ and packed-refs. Any change there only marks the repository
/// dirty; a single loop then compares all ref tips with the remembered ones, so bursts of file events
/// coalesce and a change can't be lost between two events.
/// </summary>
internal sealed class WatchedRepository : IAsyncDisposable
{
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Func<WatchedRepository, Task> _scan;
    private readonly Task _loop;

    public WatchedRepository(string name, string path, Func<WatchedRepository, Task> scan)
    {
        Name = name;
        Path = path;
        _scan = scan;
        Directory.CreateDirectory(System.IO.Path.Combine(path, "refs"));
        _watchers.Add(CreateWatcher(System.IO.Path.Combine(path, "refs"), recursive: true));
        _watchers.Add(CreateWatcher(path, recursive: false));
        _loop = Task.Run(RunAsync);
    }

    public string Name { get; }

    public string Path { get; }

    /// <summary>The tips last reported; only the scan loop touches it.</summary>
    public Dictionary<string, string>? Remembered { get; set; }

    public void MarkDirty() => _dirty.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _dirty.Writer.TryComplete();
        await _loop;
    }

    private FileSystemWatcher CreateWatcher(string folder, bool recursive)
    {
        var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = recursive,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler onChange = recursive ? (_, _) => MarkDirty() : (_, e) => OnRootChange(e.Name);
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, e) => onChange(watcher, e);
        // An overflowed event buffer means changes were dropped: a full compare recovers them.
        watcher.Error += (_, _) => MarkDirty();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnRootChange(string? name)
    {
        if (name is "packed-refs" or "HEAD")
        {
            MarkDirty();
        }
    }

    private async Task RunAsync()
    {
        while (await _dirty.Reader.WaitToReadAsync())
        {
            _dirty.Reader.TryRead(out _);
            await _scan(this);
        }
    }
}
