namespace GitOpsConsole.Sandbox.Tests.Support;

public static class AsyncStreams
{
    /// <summary>The next item, or a clear failure when it does not come within the timeout.</summary>
    public static async Task<T> NextAsync<T>(this IAsyncEnumerator<T> enumerator, TimeSpan? timeout = null)
    {
        var moved = enumerator.MoveNextAsync().AsTask();
        var winner = await Task.WhenAny(moved, Task.Delay(timeout ?? TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.True(winner == moved, $"No {typeof(T).Name} arrived within {(timeout ?? TimeSpan.FromSeconds(5)).TotalSeconds} s.");
        Assert.True(await moved, $"The {typeof(T).Name} stream ended.");
        return enumerator.Current;
    }
}
