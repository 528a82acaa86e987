using System.Net;
using GitOpsConsole.Integrations.Registry;
using GitOpsConsole.Integrations.Resilience;
using GitOpsConsole.Integrations.Tests.Fakes;

namespace GitOpsConsole.Integrations.Tests.Registry;

public sealed class RegistryPrimitivesTests
{
    [Fact]
    public void BearerChallenge_DockerHubHeader_GivesTheTokenUrl()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate",
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"");

        var challenge = BearerChallenge.From(response)!;

        Assert.Equal("registry.docker.io", challenge.Service);
        Assert.Equal("https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull", challenge.TokenUri().AbsoluteUri);
    }

    [Fact]
    public void RequestPacer_BurstBeyondTheRate_SpacesTheRest()
    {
        var pacer = new RequestPacer(20, new InstantTimeProvider());

        var waits = Enumerable.Range(0, 22).Select(_ => pacer.Reserve()).ToList();

        Assert.All(waits.Take(20), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromMilliseconds(50), waits[20]);
        Assert.Equal(TimeSpan.FromMilliseconds(100), waits[21]);
    }

    [Fact]
    public void RetryAfter_HttpDate_IsTheTimeUntilThen()
    {
        var now = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), RetryDecision.RetryAfter(response, now));
    }
}
