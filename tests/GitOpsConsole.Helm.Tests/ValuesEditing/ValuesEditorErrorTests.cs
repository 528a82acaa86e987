using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

public sealed class ValuesEditorErrorTests
{
    private static YamlEditException Refused(string yaml, string path, YamlEditOptions? options = null) =>
        Assert.Throws<YamlEditException>(() => ValuesEditor.SetString(yaml, path, "v2", options));

    [Fact]
    public void SetString_MissingKey_NamesTheSegment()
    {
        var ex = Refused("image:\n  repository: nginx\n", "image.tag");

        Assert.Equal(YamlEditError.PathNotFound, ex.Error);
        Assert.Equal("segment 'tag' of 'image.tag' not found: 'image' has no such key (line 2, column 3)", ex.Message);
    }

    [Fact]
    public void SetString_IndexOutOfRange_SaysHowManyItems()
    {
        var ex = Refused("l: [a, b]\n", "l[2]");

        Assert.Equal(YamlEditError.PathNotFound, ex.Error);
        Assert.Contains("segment '[2]' of 'l[2]' not found: 'l' has 2 item(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_KeyOnAScalar_SaysWhatItIs()
    {
        var ex = Refused("image: nginx\n", "image.tag");

        Assert.Contains("'image' is a scalar, not a mapping", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_PathEndsOnMapping_IsNotAScalar()
    {
        var ex = Refused("image:\n  tag: v1\n", "image");

        Assert.Equal(YamlEditError.NotAScalar, ex.Error);
        Assert.StartsWith("'image' is a mapping, not a scalar", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("|")]
    [InlineData(">-")]
    public void SetString_BlockScalar_IsRefused(string indicator)
    {
        var ex = Refused($"script: {indicator}\n  echo hi\n", "script");

        Assert.Equal(YamlEditError.BlockScalar, ex.Error);
        Assert.Contains("is a block scalar", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_AliasedAnchorTarget_IsRefused()
    {
        var ex = Refused("base: &tag v1\nother: *tag\n", "base");

        Assert.Equal(YamlEditError.AnchorOrAlias, ex.Error);
        Assert.Contains("carries the anchor &tag, which aliases refer to", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_ThroughAnAlias_IsRefused()
    {
        var ex = Refused("base: &img {tag: v1}\nother: *img\n", "other.tag");

        Assert.Equal(YamlEditError.AnchorOrAlias, ex.Error);
        Assert.Contains("'other' is the alias *img", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_TargetIsAnAlias_IsRefused()
    {
        var ex = Refused("base: &tag v1\nother: *tag\n", "other");

        Assert.Equal(YamlEditError.AnchorOrAlias, ex.Error);
        Assert.Contains("'other' is the alias *tag", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_LoneSurrogate_IsRefused()
    {
        var ex = Assert.Throws<YamlEditException>(() => ValuesEditor.SetString("tag: v1\n", "tag", "bad\uD800"));

        Assert.Equal(YamlEditError.InvalidValue, ex.Error);
    }

    [Fact]
    public void SetString_InsideAnAnchoredMappingThatIsMerged_IsRefused()
    {
        var ex = Refused("base: &img\n  tag: v1\napp:\n  <<: *img\n", "base.tag");

        Assert.Equal(YamlEditError.AnchorOrAlias, ex.Error);
    }

    [Fact]
    public void SetString_KeyOnlyComingFromAMerge_IsNotFoundAndSaysWhy()
    {
        var ex = Refused("base: &img\n  tag: v1\napp:\n  <<: *img\n", "app.tag");

        Assert.Equal(YamlEditError.PathNotFound, ex.Error);
        Assert.Contains("merged with '<<'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_InvalidYaml_GivesLineAndColumn()
    {
        var ex = Refused("image:\n  tag: a: b\n", "image.tag");

        Assert.Equal(YamlEditError.InvalidYaml, ex.Error);
        Assert.Equal(2, ex.Line);
        Assert.Equal(9, ex.Column);
        Assert.StartsWith("invalid YAML: ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(line 2, column 9)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_MultipleDocumentsWithoutIndex_IsRefused()
    {
        var ex = Refused("tag: a\n---\ntag: b\n", "tag");

        Assert.Equal(YamlEditError.MultipleDocuments, ex.Error);
        Assert.Contains("2 YAML documents", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_DocumentIndexOutOfRange_IsNotFound()
    {
        Assert.Equal(YamlEditError.PathNotFound, Refused("tag: a\n", "tag", new YamlEditOptions { DocumentIndex = 3 }).Error);
    }

    [Fact]
    public void SetString_EmptyFile_IsNotFound()
    {
        var ex = Refused("# nothing yet\n", "image.tag");

        Assert.Equal(YamlEditError.PathNotFound, ex.Error);
        Assert.Contains("the document is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_DuplicateKeyOnPath_IsRefused()
    {
        var ex = Refused("image:\n  tag: a\nimage:\n  tag: b\n", "image.tag");

        Assert.Equal(YamlEditError.DuplicateKey, ex.Error);
        Assert.Contains("key 'image' appears 2 times under the document root (lines 1, 3)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetString_DuplicateKeyOffThePath_DoesNotMatter()
    {
        Assert.Equal("a: 1\na: 2\nimage: {tag: v2}\n", ValuesEditor.SetString("a: 1\na: 2\nimage: {tag: v1}\n", "image.tag", "v2").Text);
    }

    [Fact]
    public void SetString_HostileNestingDepth_IsRefusedNotAStackOverflow()
    {
        var yaml = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var ex = Refused(yaml, "a");

        Assert.Equal(YamlEditError.InvalidYaml, ex.Error);
        Assert.Contains("nested deeper than 512 levels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetScalar_InvalidUtf8_IsRefused()
    {
        var ex = Assert.Throws<YamlEditException>(() =>
            ValuesEditor.SetScalar([(byte)'a', (byte)':', (byte)' ', 0xC3, 0x28], YamlPath.Parse("a"), ScalarValue.FromString("b")));

        Assert.Equal(YamlEditError.InvalidYaml, ex.Error);
        Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }
}
