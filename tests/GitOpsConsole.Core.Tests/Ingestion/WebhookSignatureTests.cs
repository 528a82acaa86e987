using GitOpsConsole.Core.Ingestion;

namespace GitOpsConsole.Core.Tests.Ingestion;

public class WebhookSignatureTests
{
    [Fact]
    public void IsValid_GitHubDocumentedExample_Matches()
    {
        // The example GitHub's webhook documentation gives for validating deliveries.
        var valid = WebhookSignature.IsValid("It's a Secret to Everybody", "Hello, World!"u8,
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");

        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=abc")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    public void IsValid_MissingOrWrong_IsFalse(string? header) =>
        Assert.False(WebhookSignature.IsValid("It's a Secret to Everybody", "Hello, World!"u8, header));

    [Fact]
    public void Sign_ThenVerify_RoundTrips() =>
        Assert.True(WebhookSignature.IsValid("s3cret", "{}"u8, WebhookSignature.Sign("s3cret", "{}"u8)));
}
