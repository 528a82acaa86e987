using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;

namespace GitOpsConsole.Helm.Tests.ImageTags;

public sealed class TagFilterTests
{
    private static readonly string[] Tags = ["1.0.0", "1.1.0", "1.2.0-debug", "2.0.0", "latest", "pr-42", "bad tag!", ".hidden"];

    [Theory]
    [InlineData(null, new string[0], "2.0.0")]
    [InlineData(@"^1\.", new string[0], "1.1.0")]
    [InlineData(null, new[] { @"^2\." }, "1.1.0")]
    [InlineData(null, new[] { "^2", "1.1" }, "1.0.0")]
    [InlineData("0", new[] { "^2" }, "1.1.0")]
    public void Select_AllowAndIgnorePatterns_NarrowTheCandidates(string? allow, string[] ignore, string expected)
    {
        var selection = TagSelector.Select(Tags.Select(t => new RegistryTag(t)), new TagSelectionOptions { AllowTags = allow, IgnoreTags = ignore });

        Assert.Equal(expected, selection.NewValue);
    }

    [Fact]
    public void Select_TagsOutsideTheOciGrammar_AreNeverCandidates()
    {
        var selection = TagSelector.Select(Tags.Select(t => new RegistryTag(t)), new TagSelectionOptions { Strategy = UpdateStrategy.Alphabetical });

        Assert.Equal("pr-42", selection.NewValue);
        Assert.Contains(selection.Rejections, r => r is { Tag: "bad tag!", Kind: TagRejectionKind.InvalidTag });
        Assert.Contains(selection.Rejections, r => r is { Tag: ".hidden", Kind: TagRejectionKind.InvalidTag });
    }

    [Fact]
    public void Select_EverythingFilteredOut_ReasonNamesThePatterns()
    {
        var selection = TagSelector.Select([new RegistryTag("1.0.0"), new RegistryTag("latest")],
            new TagSelectionOptions { AllowTags = "^v", IgnoreTags = ["latest"] });

        Assert.Equal("no tag qualifies for semver: 2 tag(s) seen; 2 not matched by allow pattern ^v (1.0.0, latest)", selection.Reason);
    }

    [Fact]
    public void Select_IgnoredTags_AreReportedWithThePatternThatMatched()
    {
        var selection = TagSelector.Select([new RegistryTag("1.0.0"), new RegistryTag("2.0.0")], new TagSelectionOptions { IgnoreTags = ["^2"] });

        Assert.Equal(new TagRejection("2.0.0", TagRejectionKind.Ignored, "matched ignore pattern ^2"), Assert.Single(selection.Rejections));
    }

    [Theory]
    [InlineData("(unclosed", null)]
    [InlineData(null, "[z-a]")]
    public void Select_InvalidPattern_IsRefusedWithItsRole(string? allow, string? ignore)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            TagSelector.Select([], new TagSelectionOptions { AllowTags = allow, IgnoreTags = ignore is null ? [] : [ignore] }));

        Assert.Contains(allow is null ? "ignore pattern" : "allow pattern", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid regular expression", ex.Message, StringComparison.Ordinal);
    }
}
