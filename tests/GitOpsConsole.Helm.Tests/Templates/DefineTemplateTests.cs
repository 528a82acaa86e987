using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Tests.Templates;

public sealed class DefineTemplateTests
{
    [Fact]
    public void Execute_TemplateAction_RunsDefineWithGivenDot()
    {
        var text = "{{ define \"greet\" }}hi {{ . }}{{ end }}{{ template \"greet\" \"bob\" }}";

        Assert.Equal("hi bob", TemplateHarness.Render(text));
    }

    [Fact]
    public void Execute_Include_PipesDefineOutputThroughFunctions()
    {
        var helpers = ("_helpers.tpl", "{{- define \"name\" -}}\n  {{ .Values.name }}  \n{{- end }}");

        Assert.Equal("[ABC]", TemplateHarness.Render("[{{ include \"name\" . | trim | upper }}]", TemplateHarness.Values("name: abc"), helpers));
    }

    [Fact]
    public void Execute_Block_DefinesAndRunsInPlace()
    {
        Assert.Equal("<default>", TemplateHarness.Render("<{{ block \"b\" . }}default{{ end }}>"));
    }

    [Fact]
    public void Execute_LaterDefine_ReplacesEarlierOne()
    {
        var first = ("a.tpl", "{{ define \"x\" }}first{{ end }}");
        var second = ("b.tpl", "{{ define \"x\" }}second{{ end }}");

        Assert.Equal("second", TemplateHarness.Render("{{ template \"x\" }}", null, first, second));
    }

    [Fact]
    public void Execute_DefineBody_HasItsOwnDollar()
    {
        var helpers = ("_h.tpl", "{{ define \"d\" }}{{ $ }}{{ end }}");

        Assert.Equal("inner", TemplateHarness.Render("{{ include \"d\" \"inner\" }}", "outer", helpers));
    }

    [Fact]
    public void Execute_Tpl_RendersStringAgainstValues()
    {
        var data = TemplateHarness.Values("name: web\ntemplate: '{{ .Values.name }}-svc'");

        Assert.Equal("web-svc", TemplateHarness.Render("{{ tpl .Values.template . }}", data));
    }

    [Fact]
    public void Execute_SelfRecursiveInclude_FailsInsteadOfOverflowingTheStack()
    {
        var helpers = ("_h.tpl", "{{ define \"loop\" }}{{ include \"loop\" . }}{{ end }}");

        var ex = Assert.Throws<TemplateExecException>(() => TemplateHarness.Render("{{ include \"loop\" . }}", null, helpers));

        Assert.Contains("rendering template has a nested reference name: loop: unable to execute template", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_TplWithDelimitersInsideStringLiteral_RendersNestedTemplate()
    {
        var data = TemplateHarness.Values("value: v");

        Assert.Equal("Value: \"v\"", TemplateHarness.Render("{{ tpl \"Value: {{ .Values.value | quote }}\" . }}", data));
    }

    [Fact]
    public void Execute_TplIncludingAPartial_SeesTheCallersTemplateName()
    {
        var partial = ("_partial.tpl", "{{ define \"p\" }}{{ .Template.Name }}{{ end }}");
        var data = TemplateHarness.Values("a: 1");
        data["Template"] = new Dictionary<string, object?> { ["Name"] = "chart/templates/base.yaml" };

        Assert.Equal("chart/templates/base.yaml", TemplateHarness.Render("{{ tpl \"{{ include `p` . }}\" . }}", data, partial));
    }
}
