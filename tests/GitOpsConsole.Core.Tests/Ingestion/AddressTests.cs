using GitOpsConsole.Core.Images;
using GitOpsConsole.Core.Ingestion;

namespace GitOpsConsole.Core.Tests.Ingestion;

public class AddressTests
{
    [Theory]
    [InlineData("https://github.com/Acme/Web.git", "github.com/acme/web")]
    [InlineData("https://token:x-oauth@github.com/acme/web/", "github.com/acme/web")]
    [InlineData("git@github.com:acme/web.git", "github.com/acme/web")]
    [InlineData("ssh://git@github.com/acme/web.git", "github.com/acme/web")]
    [InlineData("https://git.example:8443/team/app", "git.example:8443/team/app")]
    [InlineData("sandbox:Storefront.git", "sandbox:storefront")]
    public void Normalize_Spellings_Agree(string url, string expected) =>
        Assert.Equal(expected, RepositoryAddress.Normalize(url));

    [Theory]
    [InlineData("ghcr.io/acme/web:1.2.3", "ghcr.io/acme/web", "1.2.3", null)]
    [InlineData("127.0.0.1:5081/storefront:abc1234", "127.0.0.1:5081/storefront", "abc1234", null)]
    [InlineData("127.0.0.1:5081/storefront", "127.0.0.1:5081/storefront", null, null)]
    [InlineData("Acme/Web@sha256:abc", "acme/web", null, "sha256:abc")]
    public void ImageReference_Parse_SplitsRepositoryTagDigest(string text, string repository, string? tag, string? digest) =>
        Assert.Equal(new ImageReference(repository, tag, digest), ImageReference.Parse(text));

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("abc1234", true)]
    [InlineData("v1_rc.2-x", true)]
    [InlineData(".hidden", false)]
    [InlineData("-dash", false)]
    [InlineData("a b", false)]
    [InlineData("1.0\nimage: evil", false)]
    [InlineData("x\"y", false)]
    public void IsValidTag_FollowsTheOciGrammar(string tag, bool valid) =>
        Assert.Equal(valid, OciTag.IsValidTag(tag));

    [Fact]
    public void IsValidTag_129Characters_IsTooLong() =>
        Assert.False(OciTag.IsValidTag(new string('a', 129)));
}
