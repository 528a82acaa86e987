using GitOpsConsole.Sandbox.Registry;

namespace GitOpsConsole.Sandbox.Tests.Registry;

public class ImageReferenceTests
{
    private const string Digest = "sha256:099c9601a672588042a0a054e81907d1a5d365ded25703ed5706035b7c18685a";

    [Fact]
    public void TryParse_TagPinnedToADigest_KeepsBothAndTheDigestDecides() =>
        Assert.Equal(new ImageReference("127.0.0.1:5081", "team/catalog", "stable", Digest), ImageReference.TryParse($"127.0.0.1:5081/team/catalog:stable@{Digest}"));

    [Theory]
    [InlineData("127.0.0.1:5081/catalog:1.4.1", "catalog", "1.4.1", null)]
    [InlineData("catalog", "catalog", "latest", null)]
    [InlineData("catalog@" + Digest, "catalog", null, Digest)]
    public void TryParse_TagOrDigest_SplitAsDockerDoes(string reference, string repository, string? tag, string? digest)
    {
        var parsed = ImageReference.TryParse(reference)!;

        Assert.Equal((repository, tag, digest), (parsed.Repository, parsed.Tag, parsed.Digest));
    }

    [Theory]
    [InlineData("catalog:1.0;rm@" + Digest)]
    [InlineData("catalog:stable@sha256:short")]
    public void TryParse_BadTagOrDigest_Null(string reference) => Assert.Null(ImageReference.TryParse(reference));
}
