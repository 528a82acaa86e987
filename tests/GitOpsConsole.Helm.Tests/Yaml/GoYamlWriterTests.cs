using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Tests.Yaml;

public sealed class GoYamlWriterTests
{
    private static string ToYaml(string yaml) => GoYamlWriter.Serialize(YamlValueReader.ReadMap(yaml));

    [Fact]
    public void Serialize_Map_SortsKeysAndIndentsTwoSpaces()
    {
        Assert.Equal("a:\n  c: 1\n  d: 2\nb: x\n", ToYaml("b: x\na: {d: 2, c: 1}"));
    }

    [Fact]
    public void Serialize_ListUnderKey_IsNotIndented()
    {
        Assert.Equal("items:\n- a\n- name: b\n  port: 80\n- - nested\n  - list\n", ToYaml("items: [a, {port: 80, name: b}, [nested, list]]"));
    }

    [Fact]
    public void Serialize_EmptyCollections_UseFlowStyle()
    {
        Assert.Equal("l: []\nm: {}\nz: null\n", ToYaml("m: {}\nl: []\nz: ~"));
    }

    [Theory]
    [InlineData("'true'", "\"true\"")]
    [InlineData("'y'", "\"y\"")]
    [InlineData("'123'", "\"123\"")]
    [InlineData("'1.5'", "\"1.5\"")]
    [InlineData("''", "\"\"")]
    [InlineData("'null'", "\"null\"")]
    [InlineData("'2021-01-01'", "\"2021-01-01\"")]
    [InlineData("'12:30'", "\"12:30\"")]
    [InlineData("'*wild'", "'*wild'")]
    [InlineData("'a: b'", "'a: b'")]
    [InlineData("'- x'", "'- x'")]
    [InlineData("' padded'", "' padded'")]
    [InlineData("'it''s'", "it's")]
    [InlineData("plain text", "plain text")]
    [InlineData("1.2.3", "1.2.3")]
    [InlineData("\"tab\\there\"", "\"tab\\there\"")]
    public void Serialize_StringScalars_QuoteOnlyWhenGoYamlWould(string input, string expected)
    {
        Assert.Equal($"v: {expected}\n", ToYaml("v: " + input));
    }

    [Theory]
    [InlineData("v: 80", "v: 80\n")]
    [InlineData("v: 3.14", "v: 3.14\n")]
    [InlineData("v: 1e3", "v: 1000\n")]
    [InlineData("v: true", "v: true\n")]
    public void Serialize_Numbers_RoundTripThroughJsonLikeHelm(string input, string expected)
    {
        Assert.Equal(expected, ToYaml(input));
    }

    [Fact]
    public void Serialize_MultilineString_UsesLiteralBlock()
    {
        Assert.Equal("s: |-\n  line1\n\n  line3\nt: |\n  keep\n", ToYaml("s: \"line1\\n\\nline3\"\nt: \"keep\\n\""));
    }

    [Fact]
    public void Serialize_MultilineWithTrailingSpaceOnALine_FallsBackToDoubleQuotes()
    {
        Assert.Equal("s: \"a \\nb\"\n", ToYaml("s: \"a \\nb\""));
    }

    [Fact]
    public void Serialize_KeyOrder_IsNumericAwareLikeGoYaml()
    {
        Assert.Equal("a2: 1\na10: 1\nb: 1\n", ToYaml("a10: 1\nb: 1\na2: 1"));
    }

    [Fact]
    public void Serialize_LongPlainString_FoldsAfterColumnEighty()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 30));

        var yaml = ToYaml("v: " + words);

        var lines = yaml.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("  word", lines[1], StringComparison.Ordinal);
        Assert.Equal(words, string.Join(' ', lines.Select(l => l.Trim())).Replace("v: ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_TopLevelScalar_HasNoKey()
    {
        Assert.Equal("hello\n", GoYamlWriter.Serialize("hello"));
    }
}
