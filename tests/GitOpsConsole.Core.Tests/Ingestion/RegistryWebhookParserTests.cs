using GitOpsConsole.Core.Ingestion;

namespace GitOpsConsole.Core.Tests.Ingestion;

public class RegistryWebhookParserTests
{
    private static WebhookParseResult Parse(string json) => RegistryWebhookParser.Parse(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Parse_DistributionEnvelope_OnePushPerEventSkippingPulls()
    {
        var result = Parse("""
            {"events":[
              {"id":"e1","action":"push","target":{"repository":"storefront","tag":"abc1234","digest":"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"},"request":{"host":"127.0.0.1:5081"}},
              {"id":"e2","action":"pull","target":{"repository":"storefront","tag":"abc1234"}}
            ]}
            """);

        var incoming = Assert.Single(result.Events);
        Assert.Equal("127.0.0.1:5081/storefront", incoming.Image);
        Assert.Equal("abc1234", incoming.Tag);
        Assert.Equal("e1", incoming.DeliveryId);
    }

    [Fact]
    public void Parse_DockerHub_PrefixesTheRegistry()
    {
        var incoming = Assert.Single(Parse("""{"push_data":{"tag":"1.2.3","pusher":"ana"},"repository":{"repo_name":"acme/web"}}""").Events);

        Assert.Equal("docker.io/acme/web", incoming.Image);
        Assert.Equal("1.2.3", incoming.Tag);
        Assert.StartsWith("dockerhub-", incoming.DeliveryId, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HarborPushArtifact_ReadsResourceUrl()
    {
        var incoming = Assert.Single(Parse("""{"type":"PUSH_ARTIFACT","operator":"bo","event_data":{"resources":[{"digest":"sha256:aa","tag":"v2","resource_url":"harbor.example.com/library/api:v2"}]}}""").Events);

        Assert.Equal("harbor.example.com/library/api", incoming.Image);
        Assert.Equal("v2", incoming.Tag);
    }

    [Fact]
    public void Parse_UnknownShape_IsMalformed() =>
        Assert.Equal(WebhookParseOutcome.Malformed, Parse("""{"hello":"world"}""").Outcome);

    [Fact]
    public void Parse_OnlyPulls_IsUnsupported() =>
        Assert.Equal(WebhookParseOutcome.Unsupported, Parse("""{"events":[{"id":"x","action":"pull","target":{"repository":"a"}}]}""").Outcome);
}
