namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Turns "this scalar gets this value" into the exact characters to splice, or nothing when it already has it.</summary>
internal static class ScalarRewriter
{
    public static ScalarEdit? Plan(string text, YamlScalarNode node, ScalarValue value, string location)
    {
        if (ScalarQuoting.AlreadyMeans(node, value))
        {
            return null;
        }

        var source = ScalarSource.Of(text, node);
        var rendered = source.Prefix + ScalarQuoting.Render(value, node.Style, node.InFlow);
        return new ScalarEdit(location, node.Line, node.Column, node.Value, value.Content, source.Start,
            text[source.Start..source.End], rendered);
    }
}
