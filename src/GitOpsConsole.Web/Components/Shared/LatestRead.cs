namespace GitOpsConsole.Web.Components.Shared;

/// <summary>
/// Reads of one view's data, of which only the latest may set what the view shows. Feed changes arrive in bursts and
/// each starts a read; reads can finish out of order, and an older read finishing last would put a stale state back
/// with nothing to come and correct it. Used on the component's render thread, so the counter needs no lock.
/// </summary>
public sealed class LatestRead
{
    private int _started;

    /// <summary>Runs <paramref name="read"/>, then <paramref name="apply"/> with its result unless a later read started meanwhile.</summary>
    public async Task RunAsync<T>(Func<Task<T>> read, Action<T> apply)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(apply);
        var ticket = ++_started;
        var value = await read();
        if (ticket == _started)
        {
            apply(value);
        }
    }
}
