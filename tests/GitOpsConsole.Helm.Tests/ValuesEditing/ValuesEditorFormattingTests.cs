using System.Text;
using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

public sealed class ValuesEditorFormattingTests
{
    [Fact]
    public void SetString_InlineAndFullLineComments_AreKept()
    {
        const string yaml = "# top comment\nimage:\n  # the tag\n  tag: 1.2.3   # pinned by CI\n  repository: nginx # repo\n";

        var result = ValuesEditor.SetString(yaml, "image.tag", "1.2.4");

        Assert.Equal("# top comment\nimage:\n  # the tag\n  tag: 1.2.4   # pinned by CI\n  repository: nginx # repo\n", result.Text);
        Assert.True(result.Changed);
    }

    [Fact]
    public void SetString_CrlfLineEndings_ArePreserved()
    {
        const string yaml = "image:\r\n  tag: v1\r\n  pullPolicy: Always\r\n";

        var result = ValuesEditor.SetString(yaml, "image.tag", "v2");

        Assert.Equal("image:\r\n  tag: v2\r\n  pullPolicy: Always\r\n", result.Text);
    }

    [Fact]
    public void SetString_NoTrailingNewline_StaysWithout()
    {
        Assert.Equal("a: 1\nimage: {tag: v2}", ValuesEditor.SetString("a: 1\nimage: {tag: v1}", "image.tag", "v2").Text);
    }

    [Fact]
    public void SetScalar_Utf8BomBytes_AreWrittenBackUnchanged()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("tag: v1 # é\nnext: x\n")).ToArray();

        var result = ValuesEditor.SetScalar(bytes, YamlPath.Parse("tag"), ScalarValue.FromString("v2"));

        var expected = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("tag: v2 # é\nnext: x\n")).ToArray();
        Assert.Equal(expected, result.ToUtf8Bytes());
    }

    [Fact]
    public void SetString_FirstKeyAfterBom_IsFound()
    {
        Assert.Equal("\uFEFFtag: v2\n", ValuesEditor.SetString("\uFEFFtag: v1\n", "tag", "v2").Text);
    }

    [Fact]
    public void SetString_SameValue_ReturnsIdenticalTextAndNoEdits()
    {
        const string yaml = "image:\n  tag: \"1.2.3\"  # c\n";

        var result = ValuesEditor.SetString(yaml, "image.tag", "1.2.3");

        Assert.False(result.Changed);
        Assert.Same(yaml, result.Text);
    }

    [Fact]
    public void SetString_SameValueDifferentEscaping_IsStillANoOp()
    {
        Assert.False(ValuesEditor.SetString("tag: \"v\\x31\"\n", "tag", "v1").Changed);
    }

    [Fact]
    public void SetString_PlainFloatLookingTagToSameText_IsNotANoOpBecauseItBecomesAString()
    {
        var result = ValuesEditor.SetString("tag: 1.10\n", "tag", "1.10");

        Assert.True(result.Changed);
        Assert.Equal("tag: \"1.10\"\n", result.Text);
    }

    [Fact]
    public void SetString_TabIndentedCommentAndOddSpacing_AreKept()
    {
        const string yaml = "image:\n    tag:     old\t# x\n    other:   'keep'\n";

        Assert.Equal("image:\n    tag:     new\t# x\n    other:   'keep'\n", ValuesEditor.SetString(yaml, "image.tag", "new").Text);
    }

    [Fact]
    public void SetString_EmptyNullValue_InsertsAfterTheColon()
    {
        Assert.Equal("image:\n  tag: v1 # set me\n  x: 1\n", ValuesEditor.SetString("image:\n  tag: # set me\n  x: 1\n", "image.tag", "v1").Text);
        Assert.Equal("image:\n  tag: v1\n  x: 1\n", ValuesEditor.SetString("image:\n  tag:\n  x: 1\n", "image.tag", "v1").Text);
    }

    [Fact]
    public void SetString_EmptyListItem_KeepsTheBlankAfterTheDash()
    {
        Assert.Equal("l:\n- v1\n- b\n", ValuesEditor.SetString("l:\n-\n- b\n", "l[0]", "v1").Text);
        Assert.Equal("l:\n- v1 \n- b\n", ValuesEditor.SetString("l:\n- \n- b\n", "l[0]", "v1").Text);
    }

    [Fact]
    public void SetString_TaggedScalar_KeepsTheTag()
    {
        Assert.Equal("tag: !!str v2\n", ValuesEditor.SetString("tag: !!str v1\n", "tag", "v2").Text);
    }

    [Fact]
    public void SetString_MultiLinePlainScalar_IsReplacedOnOneLine()
    {
        Assert.Equal("a: one\nb: 1\n", ValuesEditor.SetString("a: a long\n  folded plain\nb: 1\n", "a", "one").Text);
    }
}
