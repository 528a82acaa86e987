using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

public sealed class ValuesEditorPathTests
{
    [Fact]
    public void SetString_ListIndexPath_EditsThatItem()
    {
        const string yaml = "containers:\n  - name: app\n    image: nginx:1.0\n  - name: side\n    image: busybox:1.0\n";

        var result = ValuesEditor.SetString(yaml, "containers[1].image", "busybox:1.1");

        Assert.Equal("containers:\n  - name: app\n    image: nginx:1.0\n  - name: side\n    image: busybox:1.1\n", result.Text);
    }

    [Fact]
    public void SetString_NestedIndexes_Work()
    {
        Assert.Equal("m: [[a, b], [c, z]]\n", ValuesEditor.SetString("m: [[a, b], [c, d]]\n", "m[1][1]", "z").Text);
    }

    [Fact]
    public void SetString_QuotedKeyWithDotsAndSlash_IsOneSegment()
    {
        const string yaml = "annotations:\n  app.io/x: \"old\"\n  app: keep\n";

        Assert.Equal("annotations:\n  app.io/x: \"new\"\n  app: keep\n", ValuesEditor.SetString(yaml, "annotations.\"app.io/x\"", "new").Text);
        Assert.Equal("annotations:\n  app.io/x: \"new\"\n  app: keep\n", ValuesEditor.SetString(yaml, "annotations.'app.io/x'", "new").Text);
    }

    [Fact]
    public void SetString_QuotedKeyInTheFile_IsMatchedByValue()
    {
        Assert.Equal("'image': {\"tag\": v2}\n", ValuesEditor.SetString("'image': {\"tag\": v1}\n", "image.tag", "v2").Text);
    }

    [Fact]
    public void SetString_MultiDocumentWithIndex_EditsOnlyThatDocument()
    {
        const string yaml = "tag: a\n---\ntag: a\n";

        var result = ValuesEditor.SetString(yaml, "tag", "b", new YamlEditOptions { DocumentIndex = 1 });

        Assert.Equal("tag: a\n---\ntag: b\n", result.Text);
    }

    [Fact]
    public void SetString_AnchorNobodyRefersTo_IsEditable()
    {
        Assert.Equal("tag: &t v2\n", ValuesEditor.SetString("tag: &t v1\n", "tag", "v2").Text);
    }

    [Theory]
    [InlineData("image.tag", "image|tag")]
    [InlineData("containers[0].image", "containers|[0]|image")]
    [InlineData("annotations.\"app.io/x\"", "annotations|app.io/x")]
    [InlineData("a.\"q\\\"uote\"", "a|q\"uote")]
    [InlineData("a.'it''s'", "a|it's")]
    [InlineData("[2].x", "[2]|x")]
    [InlineData("m[0][1]", "m|[0]|[1]")]
    public void Parse_ValidPath_SplitsIntoSegments(string path, string expected)
    {
        var segments = YamlPath.Parse(path).Segments.Select(s => s.IsIndex ? $"[{s.Index}]" : s.Key);

        Assert.Equal(expected, string.Join('|', segments));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a..b", "has an empty key at offset 2")]
    [InlineData("a.", "ends with '.'")]
    [InlineData("a[x]", "non-numeric index '[x]'")]
    [InlineData("a[-1]", "non-numeric index '[-1]'")]
    [InlineData("a[0", "unterminated '['")]
    [InlineData("a.\"b", "unterminated quoted key")]
    [InlineData("a[0]b", "expected '.' or '[' at offset 4")]
    public void Parse_MalformedPath_SaysWhy(string path, string why)
    {
        var ex = Assert.Throws<YamlEditException>(() => YamlPath.Parse(path));

        Assert.Equal(YamlEditError.InvalidPath, ex.Error);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }
}
