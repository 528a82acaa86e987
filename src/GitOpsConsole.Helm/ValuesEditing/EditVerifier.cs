namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>
/// Re-reads an edited file before it is handed back: a value that does not read back as written would be a corrupted
/// values file, the failure users most fear from image write-back, so it is a bug to stop on rather than to commit.
/// </summary>
internal static class EditVerifier
{
    public static void Verify(string edited, YamlPath path, ScalarValue value, int? documentIndex)
    {
        YamlScalarNode node;
        try
        {
            node = ScalarLocator.Locate(YamlSourceReader.Read(edited), path, documentIndex);
        }
        catch (YamlEditException ex)
        {
            throw new InvalidOperationException($"editing '{path}' produced YAML that no longer reads back: {ex.Message}", ex);
        }

        if (!ScalarQuoting.AlreadyMeans(node, value))
        {
            throw new InvalidOperationException($"editing '{path}' produced a scalar that reads back as '{node.Value}' ({node.Style}), not '{value.Content}'");
        }
    }
}
