using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Tests.Templates;

public sealed class ControlFlowTests
{
    [Theory]
    [InlineData("a: 1", "one")]
    [InlineData("b: 1", "two")]
    [InlineData("c: 1", "none")]
    public void Execute_IfElseIfElse_PicksFirstTrueBranch(string values, string expected)
    {
        var text = "{{ if .Values.a }}one{{ else if .Values.b }}two{{ else }}none{{ end }}";

        Assert.Equal(expected, TemplateHarness.Render(text, TemplateHarness.Values(values)));
    }

    [Fact]
    public void Execute_WithNonEmpty_RebindsDot()
    {
        Assert.Equal("x=1", TemplateHarness.Render("{{ with .Values.m }}x={{ .x }}{{ end }}", TemplateHarness.Values("m: {x: 1}")));
    }

    [Fact]
    public void Execute_WithEmptyMap_RunsElse()
    {
        Assert.Equal("empty", TemplateHarness.Render("{{ with .Values.m }}full{{ else }}empty{{ end }}", TemplateHarness.Values("m: {}")));
    }

    [Fact]
    public void Execute_RangeOverList_BindsIndexAndElement()
    {
        var text = "{{ range $i, $v := .Values.l }}{{ $i }}={{ $v }};{{ end }}";

        Assert.Equal("0=a;1=b;", TemplateHarness.Render(text, TemplateHarness.Values("l: [a, b]")));
    }

    [Fact]
    public void Execute_RangeOverMap_VisitsKeysInSortedOrder()
    {
        var text = "{{ range $k, $v := .Values.m }}{{ $k }}{{ $v }} {{ end }}";

        Assert.Equal("a1 b2 c3 ", TemplateHarness.Render(text, TemplateHarness.Values("m: {c: 3, a: 1, b: 2}")));
    }

    [Fact]
    public void Execute_RangeOverInteger_CountsFromZero()
    {
        Assert.Equal("012", TemplateHarness.Render("{{ range 3 }}{{ . }}{{ end }}"));
    }

    [Fact]
    public void Execute_RangeOverEmptyList_RunsElse()
    {
        Assert.Equal("none", TemplateHarness.Render("{{ range .Values.l }}x{{ else }}none{{ end }}", TemplateHarness.Values("l: []")));
    }

    [Fact]
    public void Execute_BreakAndContinue_ControlTheLoop()
    {
        var text = "{{ range until 10 }}{{ if eq . 1 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}";

        Assert.Equal("023", TemplateHarness.Render(text));
    }

    [Fact]
    public void Execute_VariableDeclaredInIf_IsNotVisibleAfterEnd()
    {
        var ex = Assert.Throws<TemplateParseException>(() => TemplateHarness.Render("{{ if true }}{{ $x := 1 }}{{ end }}{{ $x }}"));

        Assert.Contains("undefined variable \"$x\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_AssignmentInsideRange_UpdatesOuterVariable()
    {
        var text = "{{ $sum := 0 }}{{ range .Values.l }}{{ $sum = add $sum . }}{{ end }}{{ $sum }}";

        Assert.Equal("6", TemplateHarness.Render(text, TemplateHarness.Values("l: [1, 2, 3]")));
    }

    [Fact]
    public void Execute_DollarInsideRange_IsTheRootData()
    {
        var text = "{{ range .Values.l }}{{ $.Values.p }}{{ . }} {{ end }}";

        Assert.Equal("-a -b ", TemplateHarness.Render(text, TemplateHarness.Values("p: '-'\nl: [a, b]")));
    }
}
