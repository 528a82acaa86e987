using GitOpsConsole.Helm.Tests.Templates;

namespace GitOpsConsole.Helm.Tests.Functions;

public sealed class StringFunctionTests
{
    [Theory]
    [InlineData("{{ trim \"  a b  \" }}", "a b")]
    [InlineData("{{ trimAll \"$\" \"$5.00$\" }}", "5.00")]
    [InlineData("{{ trimSuffix \"-\" \"name-\" }}", "name")]
    [InlineData("{{ trimPrefix \"v\" \"v1.2\" }}", "1.2")]
    [InlineData("{{ upper \"abc\" }} {{ lower \"ABC\" }} {{ title \"hello world\" }}", "ABC abc Hello World")]
    [InlineData("{{ replace \"+\" \"_\" \"1.0+build\" }}", "1.0_build")]
    [InlineData("{{ contains \"ell\" \"hello\" }} {{ hasPrefix \"he\" \"hello\" }} {{ hasSuffix \"lo\" \"hello\" }}", "true true true")]
    [InlineData("{{ quote \"a\" 1 }} {{ squote \"b\" }}", "\"a\" \"1\" 'b'")]
    [InlineData("{{ cat \"a\" \"b\" 3 }}", "a b 3")]
    [InlineData("{{ indent 2 \"a\\nb\" }}", "  a\n  b")]
    [InlineData("{{ nindent 2 \"a\" }}", "\n  a")]
    [InlineData("{{ trunc 3 \"abcdef\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 10 \"ab\" }}", "abc ef ab")]
    [InlineData("{{ repeat 3 \"ab\" }}", "ababab")]
    [InlineData("{{ substr 1 3 \"abcdef\" }}", "bc")]
    [InlineData("{{ nospace \"a b\\tc\" }}", "abc")]
    [InlineData("{{ snakecase \"FirstName\" }} {{ kebabcase \"FirstName\" }} {{ camelcase \"http_server\" }}", "first_name first-name HttpServer")]
    [InlineData("{{ splitList \",\" \"a,b,c\" | join \"-\" }}", "a-b-c")]
    [InlineData("{{ (split \"$\" \"foo$bar\")._1 }}", "bar")]
    [InlineData("{{ list \"b\" \"a\" \"c\" | sortAlpha | join \",\" }}", "a,b,c")]
    [InlineData("{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexFind \"[0-9]+\" \"ab12cd34\" }}", "true 12")]
    [InlineData("{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}", "-W-xxW-")]
    [InlineData("{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }}", "aGVsbG8= hello")]
    [InlineData("{{ sha256sum \"abc\" }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("{{ title \"it's a dev_box\" }}", "It'S A Dev_box")]
    [InlineData("{{ html \"<a href='x'>&\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;")]
    [InlineData("{{ base \"a/b/c.txt\" }} {{ dir \"a/b/c.txt\" }} {{ ext \"c.tar.gz\" }} {{ clean \"a//b/../c/\" }}", "c.txt a/b .gz a/c")]
    [InlineData("{{ toString 5 }} {{ printf \"%T %T\" 1 (add 1 1) }}", "5 int int64")]
    public void Execute_StringFunction_MatchesSprig(string text, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render(text));
    }

    [Fact]
    public void Execute_RandAlphaNum_HasRequestedLengthAndAlphabet()
    {
        var value = TemplateHarness.Render("{{ randAlphaNum 16 }}");

        Assert.Equal(16, value.Length);
        Assert.All(value, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Fact]
    public void Execute_Uuidv4_IsAVersion4Guid()
    {
        var value = TemplateHarness.Render("{{ uuidv4 }}");

        Assert.True(Guid.TryParse(value, out _));
        Assert.Equal('4', value[14]);
    }

    [Fact]
    public void Execute_StringFunctionOnNumber_IsATypeErrorLikeGo()
    {
        var ex = Assert.Throws<GitOpsConsole.Helm.Templates.TemplateExecException>(() => TemplateHarness.Render("{{ trunc 2 .Values.port }}", TemplateHarness.Values("port: 8080")));

        Assert.Contains("wrong type for value; expected string; got float64", ex.Message, StringComparison.Ordinal);
    }
}
