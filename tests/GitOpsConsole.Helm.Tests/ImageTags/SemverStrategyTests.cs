using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;

namespace GitOpsConsole.Helm.Tests.ImageTags;

public sealed class SemverStrategyTests
{
    private static readonly string[] Tags =
        ["1.2.0", "1.2.3", "v1.3.0", "1.3.1-rc1", "1.4.0", "1.4.7", "1.10.0", "2.0.0", "2.1.0-beta.1", "latest", "main", "sha-abc1234"];

    private static TagSelection Select(string? constraint, params string[] tags) =>
        TagSelector.Select((tags.Length == 0 ? Tags : tags).Select(t => new RegistryTag(t)),
            new TagSelectionOptions { Strategy = UpdateStrategy.Semver, Constraint = constraint });

    [Theory]
    [InlineData(null, "2.0.0")]
    [InlineData("~1.4", "1.4.7")]
    [InlineData("^1.2", "1.10.0")]
    [InlineData(">=1.2 <2.0", "1.10.0")]
    [InlineData(">=1.2, <1.4", "v1.3.0")]
    [InlineData("1.x", "1.10.0")]
    [InlineData("1.2.x", "1.2.3")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("v1.3.x", "v1.3.0")]
    [InlineData("~1.3", "v1.3.0")]
    [InlineData("~1.3.1-0", "1.3.1-rc1")]
    [InlineData("2.x-0", "2.1.0-beta.1")]
    [InlineData("1.0 - 1.4", "1.4.7")]
    [InlineData("<1.3 || >=2.0", "2.0.0")]
    public void Select_Constraint_PicksTheHighestMatchingVersion(string? constraint, string expected)
    {
        var selection = Select(constraint);

        Assert.True(selection.Found, selection.Reason);
        Assert.Equal(expected, selection.NewValue);
    }

    [Fact]
    public void Select_NumericOrder_Beats_LexicalOrder()
    {
        Assert.Equal("1.10.0", Select(null, "1.9.0", "1.10.0", "1.2.0").NewValue);
    }

    [Fact]
    public void Select_SameVersionWithAndWithoutV_PicksTheLexicallyHigherNameDeterministically()
    {
        Assert.Equal("v1.3.0", Select(null, "1.3.0", "v1.3.0").NewValue);
        Assert.Equal("v1.3.0", Select(null, "v1.3.0", "1.3.0").NewValue);
    }

    [Fact]
    public void Select_NoConstraint_LeavesPrereleasesOut()
    {
        var selection = Select(null, "1.0.0", "2.0.0-rc.1");

        Assert.Equal("1.0.0", selection.NewValue);
        Assert.Contains(selection.Rejections, r => r is { Tag: "2.0.0-rc.1", Kind: TagRejectionKind.Prerelease });
    }

    [Fact]
    public void Select_NothingMatches_ExplainsEachCause()
    {
        var selection = Select("3.x");

        Assert.False(selection.Found);
        Assert.Null(selection.NewValue);
        Assert.Equal(
            "no tag qualifies for semver 3.x: 12 tag(s) seen; 3 not semver (latest, main, sha-abc1234); " +
            "2 prerelease not named by 3.x (1.3.1-rc1, 2.1.0-beta.1); 7 outside 3.x (1.2.0, 1.2.3, v1.3.0, …)",
            selection.Reason);
    }

    [Fact]
    public void Select_NoTagsAtAll_SaysSo()
    {
        var selection = TagSelector.Select([], new TagSelectionOptions());

        Assert.Equal("no tag qualifies for semver: the registry reported no tags", selection.Reason);
    }

    [Fact]
    public void Select_Winner_ReasonNamesTheConstraint()
    {
        Assert.Equal("1.4.7: highest of 2 semantic version(s) matching ~1.4", Select("~1.4").Reason);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("~1.4 banana")]
    [InlineData(">=")]
    [InlineData("1.2.3.4.5")]
    public void Select_MalformedConstraint_IsRefused(string constraint)
    {
        var ex = Assert.Throws<ArgumentException>(() => Select(constraint));

        Assert.Contains("is not a semver constraint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsUpdateFrom_CurrentIsTheWinner_IsFalse()
    {
        var selection = Select("~1.4");

        Assert.False(selection.IsUpdateFrom("1.4.7"));
        Assert.True(selection.IsUpdateFrom("1.4.0"));
    }
}
