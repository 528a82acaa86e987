using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Tests.Templates;

public sealed class LogicTests
{
    [Fact]
    public void Execute_Or_ReturnsFirstTruthyOperandItself()
    {
        Assert.Equal("b", TemplateHarness.Render("{{ or \"\" \"b\" \"c\" }}"));
    }

    [Fact]
    public void Execute_And_ReturnsFirstFalsyOperandItself()
    {
        Assert.Equal("0", TemplateHarness.Render("{{ and 1 0 2 }}"));
    }

    [Fact]
    public void Execute_AndShortCircuits_LaterOperandsAreNotEvaluated()
    {
        // The second operand would fail (nil pointer) if it were evaluated.
        Assert.Equal("false", TemplateHarness.Render("{{ and false .Values.missing.deeper }}", TemplateHarness.Values("a: 1")));
    }

    [Fact]
    public void Execute_OrShortCircuits_LaterOperandsAreNotEvaluated()
    {
        Assert.Equal("x", TemplateHarness.Render("{{ or \"x\" .Values.missing.deeper }}", TemplateHarness.Values("a: 1")));
    }

    [Fact]
    public void Execute_EqWithSeveralArguments_IsTrueWhenAnyMatches()
    {
        Assert.Equal("true false", TemplateHarness.Render("{{ eq \"b\" \"a\" \"b\" }} {{ eq \"z\" \"a\" \"b\" }}"));
    }

    [Fact]
    public void Execute_EqIntAgainstFloat_FailsLikeGo()
    {
        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("{{ eq .Values.num 1 }}", TemplateHarness.Values("num: 1")));

        Assert.Contains("incompatible types for comparison", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_Comparisons_WorkOnStringsAndNumbers()
    {
        Assert.Equal("true true false true", TemplateHarness.Render("{{ lt 1 2 }} {{ ge \"b\" \"a\" }} {{ gt 1.5 2.5 }} {{ ne 1 2 }}"));
    }

    [Fact]
    public void Execute_NotAndLen_FollowGoTruth()
    {
        Assert.Equal("true 3 2", TemplateHarness.Render("{{ not \"\" }} {{ len \"abc\" }} {{ len .Values.l }}", TemplateHarness.Values("l: [1, 2]")));
    }

    [Fact]
    public void Execute_Index_ReadsMapsAndLists()
    {
        Assert.Equal("v b", TemplateHarness.Render("{{ index .Values.m \"k-1\" }} {{ index .Values.l 1 }}", TemplateHarness.Values("m: {k-1: v}\nl: [a, b]")));
    }

    [Fact]
    public void Execute_ParenthesizedPipelineWithField_ChainsOnResult()
    {
        Assert.Equal("3", TemplateHarness.Render("{{ (dict \"a\" (dict \"b\" 3)).a.b }}"));
    }
}
