using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

public sealed class ValuesEditorQuotingTests
{
    [Theory]
    [InlineData("1.10", "\"1.10\"")]
    [InlineData("1", "\"1\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("off", "\"off\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("x # y", "\"x # y\"")]
    [InlineData("#x", "\"#x\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("*ref", "\"*ref\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("\"hi\" \\o/", "\"\\\"hi\\\" \\\\o/\"")]
    [InlineData("say \"hi\"", "say \"hi\"")]
    [InlineData("<<", "\"<<\"")]
    [InlineData("v1.2.3", "v1.2.3")]
    [InlineData("a#b", "a#b")]
    [InlineData("1.10-alpine", "1.10-alpine")]
    [InlineData("ghcr.io/org/app", "ghcr.io/org/app")]
    public void SetString_PlainTarget_QuotesOnlyWhenPlainWouldChangeMeaning(string value, string written)
    {
        var result = ValuesEditor.SetString("tag: old # c\n", "tag", value);

        Assert.Equal($"tag: {written} # c\n", result.Text);
        Assert.Equal(value, ValuesEditor.GetScalar(result.Text, YamlPath.Parse("tag")));
    }

    [Theory]
    [InlineData("it's", "'it''s'")]
    [InlineData("1.10", "'1.10'")]
    [InlineData("a: b # c", "'a: b # c'")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    public void SetString_SingleQuotedTarget_StaysSingleQuotedUnlessItCannot(string value, string written)
    {
        var result = ValuesEditor.SetString("tag: 'old'\n", "tag", value);

        Assert.Equal($"tag: {written}\n", result.Text);
        Assert.Equal(value, ValuesEditor.GetScalar(result.Text, YamlPath.Parse("tag")));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("q\"uote", "\"q\\\"uote\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("new\nline", "\"new\\nline\"")]
    [InlineData("bell\u0007", "\"bell\\x07\"")]
    [InlineData("é😀", "\"é😀\"")]
    [InlineData("sep\u2028", "\"sep\\u2028\"")]
    public void SetString_DoubleQuotedTarget_StaysDoubleQuotedAndEscapes(string value, string written)
    {
        var result = ValuesEditor.SetString("tag: \"old\"\n", "tag", value);

        Assert.Equal($"tag: {written}\n", result.Text);
        Assert.Equal(value, ValuesEditor.GetScalar(result.Text, YamlPath.Parse("tag")));
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("x]", "\"x]\"")]
    [InlineData("k:v", "\"k:v\"")]
    [InlineData("simple", "simple")]
    public void SetString_InsideFlowCollection_QuotesFlowIndicators(string value, string written)
    {
        var result = ValuesEditor.SetString("args: [old, keep]\n", "args[0]", value);

        Assert.Equal($"args: [{written}, keep]\n", result.Text);
        Assert.Equal(value, ValuesEditor.GetScalar(result.Text, YamlPath.Parse("args[0]")));
    }

    [Theory]
    [InlineData("replicaCount: 1\n", "3", "replicaCount: 3\n")]
    [InlineData("enabled: true\n", "false", "enabled: false\n")]
    [InlineData("ratio: \"0.5\"\n", "0.75", "ratio: 0.75\n")]
    public void SetScalar_TypedValue_IsWrittenPlain(string yaml, string value, string expected)
    {
        var path = YamlPath.Parse(yaml[..yaml.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal(expected, ValuesEditor.SetScalar(yaml, path, ScalarValue.FromTyped(value)).Text);
    }

    [Fact]
    public void SetScalar_TypedValueThatIsReallyAString_IsRefused()
    {
        var ex = Assert.Throws<YamlEditException>(() => ValuesEditor.SetScalar("n: 1\n", YamlPath.Parse("n"), ScalarValue.FromTyped("three")));

        Assert.Equal(YamlEditError.InvalidValue, ex.Error);
        Assert.Contains("'three' is not a YAML number, boolean or null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetScalar_TypedSameNumber_IsANoOp()
    {
        Assert.False(ValuesEditor.SetScalar("n: 1\n", YamlPath.Parse("n"), ScalarValue.FromTyped("1")).Changed);
    }
}
