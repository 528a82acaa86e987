using System.Runtime.CompilerServices;
using GitOpsConsole.Sandbox.Internal;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>
/// The log of a running build: each line goes to the build's log file and to live followers. A
/// follower gets the lines so far and then the new ones, with nothing lost or repeated in between,
/// because the snapshot and the subscription are taken under the same lock as writes.
/// </summary>
internal sealed class BuildLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly Broadcaster<string> _live = new();
    private readonly StreamWriter _file;

    public BuildLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public void Write(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            _file.WriteLine(line);
            _live.Publish(line);
        }
    }

    public IAsyncEnumerable<string> Follow(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Concat([.. _lines], _live.Subscribe(cancellationToken), cancellationToken);
        }
    }

    /// <summary>Ends the followers' streams; the file keeps the log.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _live.Complete();
            _file.Dispose();
        }
    }

    private static async IAsyncEnumerable<string> Concat(List<string> snapshot, IAsyncEnumerable<string> live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var line in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return line;
        }
        await foreach (var line in live.WithCancellation(cancellationToken))
        {
            yield return line;
        }
    }
}
