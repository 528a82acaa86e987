using GitOpsConsole.Core.Images;
using GitOpsConsole.Helm.ImageTags;
using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

/// <summary>A value that tries to become YAML structure must either be refused or stay one scalar.</summary>
public sealed class InjectionTests
{
    private const string Values = "image:\n  repository: nginx\n  tag: 1.0 # pinned\nservice:\n  port: 80\n";

    [Theory]
    [InlineData("1.0\nimage: evil")]
    [InlineData("x\" # y")]
    [InlineData("1.0 # comment")]
    [InlineData("a: b")]
    [InlineData("v1\r\nservice: {port: 1}")]
    [InlineData("")]
    [InlineData("-leading")]
    public void SetImageTag_ValueOutsideTheTagGrammar_IsRefusedBeforeWriting(string tag)
    {
        Assert.Throws<ArgumentException>(() => ValuesEditor.SetImageTag(Values, "image.tag", tag));
    }

    [Fact]
    public void SetImageTag_LineBreakInTag_MessageShowsItEscaped()
    {
        var ex = Assert.Throws<ArgumentException>(() => ValuesEditor.SetImageTag(Values, "image.tag", "1.0\nimage: evil"));

        Assert.Contains("'1.0\\nimage: evil' may only contain letters, digits, '_', '.' and '-'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2.3@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void SetImageTag_ValidTagOrDigest_IsWritten(string tag)
    {
        var result = ValuesEditor.SetImageTag(Values, "image.tag", tag);

        Assert.Equal(tag, ValuesEditor.GetScalar(result.Text, YamlPath.Parse("image.tag")));
        Assert.Contains(" # pinned\n", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0\nimage: evil")]
    [InlineData("x\" # y")]
    [InlineData("x' # y")]
    [InlineData("1.0 # comment")]
    [InlineData("a: b\nservice: {port: 1}")]
    [InlineData("[1, 2]")]
    [InlineData("{port: 1}")]
    [InlineData("&anchor v")]
    [InlineData("*alias")]
    [InlineData("!!int 3")]
    [InlineData("|\n  block")]
    [InlineData("\"\\\" ---\n...")]
    public void SetString_HostileValue_StaysOneScalarAndTheRestOfTheTreeIsUnchanged(string value)
    {
        foreach (var yaml in new[] { Values, Values.Replace("1.0", "'1.0'", StringComparison.Ordinal), Values.Replace("1.0", "\"1.0\"", StringComparison.Ordinal) })
        {
            var after = ValuesEditor.SetString(yaml, "image.tag", value).Text;

            var expected = YamlTrees.With(YamlTrees.Read(yaml), value, "image", "tag");
            Assert.True(YamlTrees.Same(expected, YamlTrees.Read(after)), $"structure changed:\n{after}");
        }
    }

    [Fact]
    public void OciTag_Grammar_AcceptsAndRejectsAsTheSpecSays()
    {
        Assert.True(OciTag.IsValidTag("_underscore"));
        Assert.True(OciTag.IsValidTag(new string('a', 128)));
        Assert.False(OciTag.IsValidTag(new string('a', 129)));
        Assert.False(OciTag.IsValidTag(".dot"));
        Assert.False(OciTag.IsValidTag("a+b"));
        Assert.False(OciTag.IsValidTag("1.0\n"));
        Assert.False(OciTag.IsValidDigest("sha256:" + new string('A', 64)));
        Assert.False(OciTag.IsValidDigest("sha256:" + new string('a', 63)));
        Assert.Contains("at most 128", Assert.Throws<ArgumentException>(() => OciTag.ValidateTag(new string('a', 129))).Message, StringComparison.Ordinal);
    }
}
