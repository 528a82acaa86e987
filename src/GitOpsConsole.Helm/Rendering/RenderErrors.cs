using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Rendering;

/// <summary>Turns engine failures into the messages `helm template` prints.</summary>
internal static class RenderErrors
{
    /// <summary>Helm rewrites Go's "template: name:line: cause" as "parse error at (name:line): cause".</summary>
    public static ChartRenderException FromParse(TemplateParseException ex)
    {
        var cause = ex.Cause ?? ex.Message;
        var last = cause.LastIndexOf(": ", StringComparison.Ordinal);
        var message = last >= 0 ? cause[(last + 2)..] : cause;
        return new ChartRenderException($"parse error at ({ex.TemplateName}:{ex.Line}): {message}", ex);
    }

    /// <summary>fail/required read "execution error at (file:line:col): message"; other failures keep Go's ExecError text.</summary>
    public static ChartRenderException FromExec(TemplateExecException ex) =>
        ex.UserMessage is not null
            ? new ChartRenderException($"execution error at ({ex.Location}): {ex.UserMessage}", ex)
            : new ChartRenderException(ex.Message, ex);
}
