using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;

namespace GitOpsConsole.Helm.Tests.ImageTags;

public sealed class OtherStrategyTests
{
    private const string D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NewestBuild_PicksTheLatestCreationTime()
    {
        RegistryTag[] tags = [new("a1b2c3d", T0), new("e4f5a6b", T0.AddHours(2)), new("0c0ffee", T0.AddHours(1)), new("nodate")];

        var selection = TagSelector.Select(tags, new TagSelectionOptions { Strategy = UpdateStrategy.NewestBuild });

        Assert.Equal("e4f5a6b", selection.NewValue);
        Assert.Equal("e4f5a6b: newest build, created 2026-11-01 14:00:00Z", selection.Reason);
        Assert.Contains(selection.Rejections, r => r is { Tag: "nodate", Kind: TagRejectionKind.NoCreationTime });
    }

    [Fact]
    public void NewestBuild_SameBuildUnderSeveralTags_LexicallyHighestWinsUnlessFiltered()
    {
        RegistryTag[] tags = [new("f33bacd", T0), new("dev", T0), new("latest", T0)];

        Assert.Equal("latest", TagSelector.Select(tags, new TagSelectionOptions { Strategy = UpdateStrategy.NewestBuild }).NewValue);
        Assert.Equal("f33bacd", TagSelector.Select(tags, new TagSelectionOptions { Strategy = UpdateStrategy.NewestBuild, AllowTags = "^[0-9a-f]{7}$" }).NewValue);
    }

    [Fact]
    public void NewestBuild_NoTimes_ExplainsWhy()
    {
        var selection = TagSelector.Select([new RegistryTag("a"), new RegistryTag("b")], new TagSelectionOptions { Strategy = UpdateStrategy.NewestBuild });

        Assert.Equal("no tag qualifies for newest-build: 2 tag(s) seen; 2 creation time unknown (a, b)", selection.Reason);
    }

    [Theory]
    [InlineData(new[] { "2024-01-05", "2024-11-30", "2024-02-01" }, null, "2024-11-30")]
    [InlineData(new[] { "2024-01-05", "2024-11-30", "2024-02-01", "zz-nightly" }, null, "zz-nightly")]
    [InlineData(new[] { "2024-01-05", "2024-11-30", "zz-nightly" }, @"^\d{4}-\d{2}-\d{2}$", "2024-11-30")]
    [InlineData(new[] { "B", "a", "C" }, null, "a")]
    public void Alphabetical_PicksTheLexicallyHighest(string[] names, string? allow, string expected)
    {
        var selection = TagSelector.Select(names.Select(n => new RegistryTag(n)), new TagSelectionOptions { Strategy = UpdateStrategy.Alphabetical, AllowTags = allow });

        Assert.Equal(expected, selection.NewValue);
    }

    [Theory]
    [InlineData(DigestValueFormat.TagAtDigest, "latest@" + D2)]
    [InlineData(DigestValueFormat.DigestOnly, D2)]
    public void Digest_FollowedTag_WritesItsCurrentDigest(DigestValueFormat format, string expected)
    {
        RegistryTag[] tags = [new("stable", Digest: D1), new("latest", Digest: D2)];

        var selection = TagSelector.Select(tags, new TagSelectionOptions { Strategy = UpdateStrategy.Digest, Constraint = "latest", DigestFormat = format });

        Assert.Equal(expected, selection.NewValue);
        Assert.True(selection.IsUpdateFrom("latest@" + D1));
        Assert.Equal($"latest: latest now points to {D2}", selection.Reason);
    }

    [Fact]
    public void Digest_NoDigestReported_ExplainsWhy()
    {
        var selection = TagSelector.Select([new RegistryTag("latest"), new RegistryTag("old")], new TagSelectionOptions { Strategy = UpdateStrategy.Digest, Constraint = "latest" });

        Assert.False(selection.Found);
        Assert.Equal("no tag qualifies for digest of latest: 2 tag(s) seen; 1 not the followed tag latest (old); 1 no digest reported (latest)", selection.Reason);
    }

    [Fact]
    public void Digest_WithoutFollowedTag_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => TagSelector.Select([], new TagSelectionOptions { Strategy = UpdateStrategy.Digest }));

        Assert.Contains("needs the tag to follow", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("semver", UpdateStrategy.Semver)]
    [InlineData("newest-build", UpdateStrategy.NewestBuild)]
    [InlineData("latest", UpdateStrategy.NewestBuild)]
    [InlineData("Alphabetical", UpdateStrategy.Alphabetical)]
    [InlineData("name", UpdateStrategy.Alphabetical)]
    [InlineData("digest", UpdateStrategy.Digest)]
    public void Parse_StrategyNamesAndAliases_AreRecognised(string name, UpdateStrategy expected)
    {
        Assert.Equal(expected, UpdateStrategies.Parse(name));
    }

    [Fact]
    public void Parse_UnknownStrategy_ListsTheKnownOnes()
    {
        Assert.Contains("use semver, newest-build, alphabetical or digest", Assert.Throws<ArgumentException>(() => UpdateStrategies.Parse("newest")).Message, StringComparison.Ordinal);
    }
}
