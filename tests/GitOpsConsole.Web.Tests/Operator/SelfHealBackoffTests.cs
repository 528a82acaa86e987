using GitOpsConsole.Web.Operator;
using Microsoft.Extensions.Time.Testing;

namespace GitOpsConsole.Web.Tests.Operator;

public class SelfHealBackoffTests
{
    [Fact]
    public void TryHeal_DriftKeepsComingBack_WaitsLongerEachTimeUpToFiveMinutes()
    {
        var time = new FakeTimeProvider();
        var backoff = new SelfHealBackoff(time);
        var allowedAfter = new List<TimeSpan>();
        var start = time.GetUtcNow();

        for (var second = 0; second < 900; second++)
        {
            if (backoff.TryHeal("storefront"))
            {
                allowedAfter.Add(time.GetUtcNow() - start);
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        var gaps = allowedAfter.Zip(allowedAfter.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.Equal(TimeSpan.Zero, allowedAfter[0]);
        Assert.Equal([2, 4, 8, 16, 32, 64, 128, 256, 300], gaps.Take(9));
    }

    [Fact]
    public void Reset_AfterSynced_HealsAtOnceAgain()
    {
        var time = new FakeTimeProvider();
        var backoff = new SelfHealBackoff(time);
        Assert.True(backoff.TryHeal("catalog"));
        Assert.False(backoff.TryHeal("catalog"));

        backoff.Reset("catalog");

        Assert.True(backoff.TryHeal("catalog"));
        Assert.True(backoff.TryHeal("payments"));
    }
}
