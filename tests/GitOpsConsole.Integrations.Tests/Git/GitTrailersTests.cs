using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Tests.Git;

public sealed class GitTrailersTests
{
    [Fact]
    public void Append_Trailers_AddsFinalParagraphThatParsesBack()
    {
        var message = GitTrailers.Append("Deploy v2\r\n", [new("GitOps-Run", "7"), new("GitOps-Step", "deploy")]);

        Assert.Equal("Deploy v2\n\nGitOps-Run: 7\nGitOps-Step: deploy\n", message);
        Assert.Equal([new GitTrailer("GitOps-Run", "7"), new GitTrailer("GitOps-Step", "deploy")], GitTrailers.Parse(message));
    }

    [Fact]
    public void Parse_LastParagraphIsProse_ReturnsNoTrailers()
    {
        Assert.Empty(GitTrailers.Parse("Subject\n\nGitOps-Run: 7\n\nJust a closing remark."));
        Assert.Empty(GitTrailers.Parse("GitOps-Run: 7"));
    }

    [Fact]
    public void HasAll_KeyCaseDiffers_StillMatchesButValueMustBeExact()
    {
        var message = "Subject\n\ngitops-run: 7\n";

        Assert.True(GitTrailers.HasAll(message, [new("GitOps-Run", "7")]));
        Assert.False(GitTrailers.HasAll(message, [new("GitOps-Run", "70")]));
    }

    [Theory]
    [InlineData("Bad Key", "x")]
    [InlineData("GitOps-Run", "two\nlines")]
    [InlineData("GitOps-Run", " ")]
    public void Append_InvalidTrailer_Throws(string key, string value)
    {
        Assert.Throws<GitOperationException>(() => GitTrailers.Append("Subject", [new(key, value)]));
    }
}
