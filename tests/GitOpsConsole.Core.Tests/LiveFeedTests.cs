namespace GitOpsConsole.Core.Tests;

public sealed class LiveFeedTests
{
    [Fact]
    public void Publish_SubscriberThrows_WriterGoesOnAndLaterSubscribersStillHear()
    {
        var feed = new LiveFeed<int>();
        var heard = new List<int>();
        var reported = new List<(string, Exception)>();
        void Report(string name, Exception ex) => reported.Add((name, ex));
        LiveFeeds.SubscriberFailed += Report;
        using var first = feed.Subscribe(_ => throw new ObjectDisposedException("SemaphoreSlim"));
        using var second = feed.Subscribe(heard.Add);

        try
        {
            feed.Publish(7);
        }
        finally
        {
            LiveFeeds.SubscriberFailed -= Report;
        }

        Assert.Equal([7], heard);
        var (name, error) = Assert.Single(reported);
        Assert.Equal("LiveFeed`1", name);
        Assert.IsType<ObjectDisposedException>(error);
    }

    [Fact]
    public void Publish_AfterUnsubscribe_SubscriberIsNotCalled()
    {
        var feed = new LiveFeed<int>();
        var heard = new List<int>();
        var subscription = feed.Subscribe(heard.Add);
        feed.Publish(1);

        subscription.Dispose();
        feed.Publish(2);

        Assert.Equal([1], heard);
    }
}
