namespace GitOpsConsole.Helm;

/// <summary>The rendered, ordered documents and the exact text `helm template` would print.</summary>
public sealed class RenderResult
{
    private readonly string _output;

    internal RenderResult(IReadOnlyList<RenderedDocument> documents, string output, string notes)
    {
        Documents = documents;
        _output = output;
        Notes = notes;
    }

    /// <summary>CRDs (when included), then manifests in install order, then hooks.</summary>
    public IReadOnlyList<RenderedDocument> Documents { get; }

    /// <summary>The rendered NOTES.txt of the chart (not part of the output, as with helm template).</summary>
    public string Notes { get; }

    /// <summary>Byte-for-byte what `helm template` writes to stdout.</summary>
    public string FormatHelmOutput() => _output;
}
