using GitOpsConsole.Sandbox.Git;

namespace GitOpsConsole.Sandbox.Tests.Git;

public class RepositoryNameTests
{
    [Theory]
    [InlineData("storefront")]
    [InlineData("my-app_2.v1")]
    [InlineData("A")]
    public void Validate_AllowedCharacters_ReturnsName(string name) =>
        Assert.Equal(name, RepositoryName.Validate(name));

    [Theory]
    [InlineData("..", "'..'")]
    [InlineData("a..b", "'..'")]
    [InlineData("team/app", "slashes")]
    [InlineData("..\\evil", "slashes")]
    [InlineData(".hidden", "start with a dot")]
    [InlineData("", "empty")]
    [InlineData("sp ace", "' '")]
    public void Validate_BadName_ThrowsWithReason(string name, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => RepositoryName.Validate(name));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathOf_NameWithSlash_IsRefused()
    {
        var host = new GitHost("/tmp/data");
        Assert.Throws<ArgumentException>(() => host.PathOf("../outside"));
    }
}
