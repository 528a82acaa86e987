using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Tests.Templates;

public sealed class ErrorTests
{
    [Fact]
    public void Execute_NilPointer_ReportsFileLineColumnAndNode()
    {
        var text = "a: 1\nb: {{ .Values.x.y }}\n";

        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render(text, TemplateHarness.Values("a: 1")));

        Assert.Equal("template: test.yaml:2:6: executing \"test.yaml\" at <.Values.x.y>: nil pointer evaluating interface {}.y", ex.Message);
    }

    [Fact]
    public void Execute_ErrorInsideInclude_NamesTheDefineAndItsFile()
    {
        var helpers = ("chart/templates/_helpers.tpl", "{{ define \"bad\" }}\n{{ .x.y }}{{ end }}");

        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("{{ include \"bad\" . }}", TemplateHarness.Values("a: 1"), helpers));

        Assert.Contains("error calling include: template: chart/templates/_helpers.tpl:2:3: executing \"bad\" at <.x.y>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_LongNode_IsTruncatedInContextLikeGo()
    {
        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("{{ .Values.aaaaaaaaaa.bbbbbbbbbb }}", TemplateHarness.Values("a: 1")));

        Assert.Contains("at <.Values.aaaaaaaaaa.b...>", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_Required_CarriesTheChartsMessage()
    {
        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("\n{{ required \"image is required\" .Values.image }}", TemplateHarness.Values("a: 1")));

        Assert.Equal("image is required", ex.UserMessage);
        Assert.Equal("test.yaml:2:3", ex.Location);
    }

    [Fact]
    public void Execute_WrongArgumentCount_IsReported()
    {
        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("{{ trunc 3 }}"));

        Assert.Contains("wrong number of args for trunc: want 2 got 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line1\n{{ if true }}", "template: test.yaml:2: unexpected EOF")]
    [InlineData("{{ end }}", "template: test.yaml:1: unexpected {{end}}")]
    [InlineData("a\n\n{{ nosuchfunc 1 }}", "template: test.yaml:3: function \"nosuchfunc\" not defined")]
    [InlineData("{{ \"abc }}", "template: test.yaml:1: unterminated quoted string")]
    [InlineData("{{ $x }}", "template: test.yaml:1: undefined variable \"$x\"")]
    public void Parse_InvalidTemplate_ReportsLineAndCause(string text, string expected)
    {
        var ex = Assert.Throws<TemplateParseException>(() => TemplateHarness.Render(text));

        Assert.Equal(expected, ex.Message);
    }
}
