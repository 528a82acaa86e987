namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Options for an edit.</summary>
public sealed record YamlEditOptions
{
    /// <summary>Which document of a multi-document file to edit (0-based); required when the file holds more than one.</summary>
    public int? DocumentIndex { get; init; }
}
