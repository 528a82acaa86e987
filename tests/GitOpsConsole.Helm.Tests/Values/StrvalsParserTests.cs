using GitOpsConsole.Helm.Values;

namespace GitOpsConsole.Helm.Tests.Values;

public sealed class StrvalsParserTests
{
    private static Dictionary<string, object?> Parse(string text, bool asString = false)
    {
        var values = ValueTree.NewMap();
        StrvalsParser.ParseInto(text, values, asString);
        return values;
    }

    [Fact]
    public void ParseInto_DottedKeys_BuildNestedMaps()
    {
        var values = Parse("a.b.c=x,a.d=y");

        var a = Assert.IsType<Dictionary<string, object?>>(values["a"]);
        Assert.Equal("y", a["d"]);
        Assert.Equal("x", Assert.IsType<Dictionary<string, object?>>(a["b"])["c"]);
    }

    [Theory]
    [InlineData("v=42", 42L)]
    [InlineData("v=-7", -7L)]
    [InlineData("v=0", 0L)]
    [InlineData("v=true", true)]
    [InlineData("v=FALSE", false)]
    [InlineData("v=0123", "0123")]
    [InlineData("v=1.5", "1.5")]
    [InlineData("v=", "")]
    public void ParseInto_TypedValues_InferIntsBoolsAndKeepOthersAsStrings(string text, object expected)
    {
        Assert.Equal(expected, Parse(text)["v"]);
    }

    [Fact]
    public void ParseInto_Null_StoresNull()
    {
        var values = Parse("v=null");

        Assert.True(values.ContainsKey("v"));
        Assert.Null(values["v"]);
    }

    [Fact]
    public void ParseInto_SetString_KeepsEverythingAString()
    {
        Assert.Equal("42", Parse("v=42", asString: true)["v"]);
    }

    [Fact]
    public void ParseInto_ListSyntax_ProducesTypedList()
    {
        Assert.Equal(new List<object?> { "a", 2L, true }, Parse("v={a,2,true}")["v"]);
    }

    [Fact]
    public void ParseInto_IndexSyntax_PadsListAndNestsMaps()
    {
        var values = Parse("l[1]=x,m[0].name=n");

        Assert.Equal(new List<object?> { null, "x" }, values["l"]);
        var m = Assert.IsType<List<object?>>(values["m"]);
        Assert.Equal("n", Assert.IsType<Dictionary<string, object?>>(m[0])["name"]);
    }

    [Fact]
    public void ParseInto_EscapedCommaAndDot_AreLiteral()
    {
        var values = Parse(@"annotations.kubernetes\.io/ingress=a\,b");

        Assert.Equal("a,b", Assert.IsType<Dictionary<string, object?>>(values["annotations"])["kubernetes.io/ingress"]);
    }

    [Fact]
    public void ParseInto_ExistingMap_IsMergedNotReplaced()
    {
        var values = Parse("a.b=1");
        StrvalsParser.ParseInto("a.c=2", values);

        var a = Assert.IsType<Dictionary<string, object?>>(values["a"]);
        Assert.Equal(2, a.Count);
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("a,b=1")]
    [InlineData("l[x]=1")]
    public void ParseInto_MalformedInput_Throws(string text)
    {
        var ex = Assert.Throws<ChartRenderException>(() => Parse(text));

        Assert.StartsWith("failed parsing --set data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseInto_JsonMode_ReadsOneJsonValuePerKey()
    {
        var values = ValueTree.NewMap();

        StrvalsParser.ParseInto("a.b={\"x\":[1,\"two\"]},c=true", values, StrvalsMode.Json);

        var b = Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(values["a"])["b"]);
        Assert.Equal(new List<object?> { 1.0, "two" }, b["x"]);
        Assert.Equal(true, values["c"]);
    }

    [Fact]
    public void ParseInto_LiteralMode_KeepsCommasAndBackslashes()
    {
        var values = ValueTree.NewMap();

        StrvalsParser.ParseInto(@"a.b=x,y\z", values, StrvalsMode.Literal);

        Assert.Equal(@"x,y\z", Assert.IsType<Dictionary<string, object?>>(values["a"])["b"]);
    }

    [Fact]
    public void ParseInto_FileMode_UsesFileContent()
    {
        var values = ValueTree.NewMap();

        StrvalsParser.ParseInto("cfg=app.conf", values, StrvalsMode.File, path => System.Text.Encoding.UTF8.GetBytes("content of " + path));

        Assert.Equal("content of app.conf", values["cfg"]);
    }
}
