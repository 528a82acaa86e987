namespace GitOpsConsole.Helm.Tests.Templates;

public sealed class TrimAndCommentTests
{
    [Fact]
    public void Execute_LeftTrimMarker_RemovesPrecedingWhitespaceAndNewlines()
    {
        Assert.Equal("a:b", TemplateHarness.Render("a:  \n\t {{- \"b\" }}"));
    }

    [Fact]
    public void Execute_RightTrimMarker_RemovesFollowingWhitespace()
    {
        Assert.Equal("b!", TemplateHarness.Render("{{ \"b\" -}}  \n\n !"));
    }

    [Fact]
    public void Execute_DashWithoutSpace_IsANegativeNumberNotATrim()
    {
        Assert.Equal("x -3", TemplateHarness.Render("x {{-3}}"));
    }

    [Fact]
    public void Execute_Comment_ProducesNothingAndHonoursTrim()
    {
        Assert.Equal("ab", TemplateHarness.Render("a\n{{- /* a comment\nspanning lines */ -}}\nb"));
    }

    [Fact]
    public void Execute_MissingValue_PrintsNoValueMarker()
    {
        Assert.Equal("[<no value>]", TemplateHarness.Render("[{{ .missing }}]", TemplateHarness.Values("a: 1")));
    }
}
