namespace GitOpsConsole.Core;

/// <summary>
/// A change notice that writers publish once a change is persisted and live views subscribe to
/// (they re-read and re-render). Subscribers are called on the writer's thread and must not block.
/// </summary>
/// <remarks>
/// A subscriber can still be called just after it unsubscribed (the writer took its list first), so a failing
/// subscriber is skipped and reported through <see cref="LiveFeeds.SubscriberFailed"/>, never thrown at the writer:
/// the change is already persisted and the writer's work (a run, a sync) must not fail because one view went away.
/// </remarks>
public class LiveFeed<T>
{
    private event Action<T>? Published;

    public IDisposable Subscribe(Action<T> onPublished)
    {
        Published += onPublished;
        return new Unsubscriber(() => Published -= onPublished);
    }

    public virtual void Publish(T item)
    {
        if (Published is not { } subscribers)
        {
            return;
        }

        foreach (var subscriber in subscribers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                subscriber(item);
            }
            catch (Exception ex)
            {
                LiveFeeds.Report(GetType().Name, ex);
            }
        }
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

/// <summary>Where every feed reports a subscriber that threw (the console logs it; see <c>Web/Startup/FeedFailureLog</c>).</summary>
public static class LiveFeeds
{
    /// <summary>Told the feed's name and the exception of each failing subscriber.</summary>
    public static event Action<string, Exception>? SubscriberFailed;

    internal static void Report(string feed, Exception exception) => SubscriberFailed?.Invoke(feed, exception);
}
