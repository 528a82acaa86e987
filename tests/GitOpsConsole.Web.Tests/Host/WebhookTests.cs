using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Events;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Host;

public class WebhookTests
{
    internal const string Secret = "webhook-test-secret";

    // storefront deploys from GitHub's sample repository here, so the real fixtures match it; these tests are about
    // ingestion only, so it reports no commit statuses (which would need a GitHub token).
    private static ConsoleFactory Console(params (string, string)[] extra) => new([
        ("GitOps:Webhooks:GitHubSecret", Secret),
        ("GitOps:Webhooks:GenericSecret", Secret),
        ("GitOps:Applications:0:Repository", "https://github.com/Codertocat/Hello-World.git"),
        ("GitOps:Applications:0:Branch", "master"),
        ("GitOps:Applications:0:CommitStatus", "None"),
        .. extra]);

    internal static string Fixture(string path)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitOpsConsole.sln")))
            {
                var file = Path.Combine(dir.FullName, "..", "shared", "fixtures", "github-webhooks", path);
                if (File.Exists(file))
                {
                    return File.ReadAllText(file);
                }
            }
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"fixture {path} missing");
        }

        Assert.Skip($"fixture {path} not found in ../shared/fixtures");
        return "";
    }

    internal static HttpRequestMessage GitHub(string eventName, string delivery, string body, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-Hub-Signature-256", signature ?? WebhookSignature.Sign(Secret, bytes));
        return request;
    }

    private static async Task<IReadOnlyList<TriggerEvent>> EventsAsync(ConsoleFactory factory) =>
        (await factory.Services.GetRequiredService<EventQuery>().PageAsync(null, null, 0, 100)).Items;

    [Fact]
    public async Task GitHubPush_SignedForDeployedBranch_AcceptedAndPersisted()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("push", "d-1", Fixture("push/with-new-branch.payload.json")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await EventsAsync(factory));
        Assert.Equal(EventDecision.Accepted, stored.Decision);
        Assert.Equal("storefront", stored.ApplicationName);
        Assert.Equal("6113728f27ae82c7b1a177c8d03f9e96e0adf246", stored.CommitSha);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(stored.Id, json.RootElement.GetProperty("events")[0].GetProperty("eventId").GetGuid());
    }

    [Fact]
    public async Task GitHubPush_SameDeliveryTwice_OneEvent()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        var body = Fixture("push/with-new-branch.payload.json");

        await client.SendAsync(GitHub("push", "d-dup", body), TestContext.Current.CancellationToken);
        var second = await client.SendAsync(GitHub("push", "d-dup", body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("\"status\":\"duplicate\"", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(await EventsAsync(factory));
    }

    [Fact]
    public async Task GitHubPush_BadSignature_401AndNothingStored()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("push", "d-bad", Fixture("push/with-new-branch.payload.json"), "sha256=" + new string('0', 64)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await EventsAsync(factory));
    }

    [Fact]
    public async Task GitHub_NoSecretConfigured_RefusesUnsignedUnlessAllowed()
    {
        await using var factory = new ConsoleFactory();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("ping", "p", Fixture("ping/payload.json"), "sha256=00"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("GitOps:Webhooks:GitHubSecret", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitHub_MalformedJson_400WithReason()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("push", "d-m", "{\"ref\": "), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(await EventsAsync(factory));
    }

    [Fact]
    public async Task GitHub_BodyOverLimit_413()
    {
        await using var factory = Console(("GitOps:Webhooks:MaxBodyBytes", "2048"));
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("push", "d-big", "{\"ref\":\"" + new string('x', 4096) + "\"}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await EventsAsync(factory));
    }

    [Fact]
    public async Task GitHub_Ping_200NothingStored()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("ping", "d-ping", Fixture("ping/payload.json")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await EventsAsync(factory));
    }

    [Fact]
    public async Task GitHubPullRequest_RepositoryNoAppDeploys_202IgnoredWithReason()
    {
        await using var factory = Console(("GitOps:Applications:0:Repository", "https://github.com/acme/elsewhere.git"));
        using var client = factory.CreateClient();

        var response = await client.SendAsync(GitHub("pull_request", "d-pr", Fixture("pull_request/opened.payload.json")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await EventsAsync(factory));
        Assert.Equal(EventDecision.Ignored, stored.Decision);
        Assert.Equal("no application deploys from https://github.com/Codertocat/Hello-World.git", stored.Reason);
    }

    [Fact]
    public async Task Registry_DistributionPushForSandboxImage_Accepted()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        var body = """{"events":[{"id":"reg-1","action":"push","target":{"repository":"payments","tag":"abc1234"},"request":{"host":"127.0.0.1:5081"}}]}""";

        var response = await client.PostAsync(new Uri("/webhooks/registry", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/vnd.docker.distribution.events.v1+json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await EventsAsync(factory));
        Assert.Equal(("payments", TriggerKind.ImageRelease, "abc1234"), (stored.ApplicationName, stored.Kind, stored.Tag));
    }

    [Fact]
    public async Task Generic_InjectedTag_400AndNothingStored()
    {
        await using var factory = Console();
        using var client = factory.CreateClient();
        var body = Encoding.UTF8.GetBytes("""{"kind":"image","image":"127.0.0.1:5081/payments","tag":"1.0\nimage: evil"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/generic") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Signature-256", WebhookSignature.Sign(Secret, body));

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid OCI tag", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(await EventsAsync(factory));
    }

    [Fact]
    public async Task ApiEvents_Anonymous_401()
    {
        await using var factory = Console();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync(new Uri("/api/events", UriKind.Relative), new StringContent("""{"kind":"manual","app":"catalog"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ApiEvents_ManualWithEngine_AcceptedAndListed()
    {
        await using var factory = Console(("GitOps:Auth:Mode", "LocalTrust"));
        using var client = factory.CreateClient();

        var posted = await client.PostAsync(new Uri("/api/events", UriKind.Relative), new StringContent("""{"kind":"manual","app":"catalog","engine":"Agent"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var listed = await client.GetStringAsync(new Uri("/api/events?app=catalog", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        using var json = JsonDocument.Parse(listed);
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("accepted", item.GetProperty("status").GetString());
        Assert.Equal("Agent", item.GetProperty("engine").GetString());
        Assert.Equal("Manual", item.GetProperty("kind").GetString());
    }
}
