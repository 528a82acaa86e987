namespace GitOpsConsole.Helm.Tests.Templates;

public sealed class PrintfTests
{
    [Theory]
    [InlineData("{{ printf \"%s-%s\" \"a\" \"b\" }}", "a-b")]
    [InlineData("{{ printf \"%d\" 42 }}", "42")]
    [InlineData("{{ printf \"%05d|%-4d|%+d\" 42 7 3 }}", "00042|7   |+3")]
    [InlineData("{{ printf \"%v %v\" true 1.5 }}", "true 1.5")]
    [InlineData("{{ printf \"%q\" \"a\\\"b\" }}", "\"a\\\"b\"")]
    [InlineData("{{ printf \"%t\" false }}", "false")]
    [InlineData("{{ printf \"%.2f\" 3.14159 }}", "3.14")]
    [InlineData("{{ printf \"%f\" 2.5 }}", "2.500000")]
    [InlineData("{{ printf \"%x %X\" 255 255 }}", "ff FF")]
    [InlineData("{{ printf \"%x\" \"hi\" }}", "6869")]
    [InlineData("{{ printf \"%e\" 1234.5 }}", "1.234500e+03")]
    [InlineData("{{ printf \"%5s|%-5s|\" \"ab\" \"cd\" }}", "   ab|cd   |")]
    [InlineData("{{ printf \"100%%\" }}", "100%")]
    [InlineData("{{ printf \"%d\" }}", "%!d(MISSING)")]
    [InlineData("{{ printf \"%d\" \"x\" }}", "%!d(string=x)")]
    public void Execute_Printf_FormatsLikeGo(string text, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render(text));
    }

    [Fact]
    public void Execute_PrintfDecimalOfYamlNumber_ShowsGoFloatMismatch()
    {
        // Values files yield float64, so %d does not apply, exactly as in Helm.
        Assert.Equal("%!d(float64=80)", TemplateHarness.Render("{{ printf \"%d\" .Values.port }}", TemplateHarness.Values("port: 80")));
    }

    [Theory]
    [InlineData("num: 1000000", "1e+06")]
    [InlineData("num: 123456", "123456")]
    [InlineData("num: 0.5", "0.5")]
    [InlineData("num: 0.00001", "1e-05")]
    public void Execute_PrintFloatValue_UsesGoShortestFormat(string values, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render("{{ .Values.num }}", TemplateHarness.Values(values)));
    }

    [Fact]
    public void Execute_PrintMapAndList_UsesGoSyntax()
    {
        Assert.Equal("map[a:1 b:[x z]]", TemplateHarness.Render("{{ .Values }}", TemplateHarness.Values("b: [x, z]\na: 1")));
    }
}
