namespace GitOpsConsole.Core.Tests;

public sealed class LiveFeedTests
{
    [Fact]
    public void Publish_SubscriberThrows_WriterGoesOnAndLaterSubscribersStillHear()
    {
        var feed = new LiveFeed<int>();
        var heard = new List<int>();
        using var first = feed.Subscribe(_ => throw new ObjectDisposedException("SemaphoreSlim"));
        using var second = feed.Subscribe(heard.Add);

        feed.Publish(7);

        Assert.Equal([7], heard);
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
