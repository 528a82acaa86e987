namespace GitOpsConsole.Helm;

/// <summary>One document of the output, as Helm splits and sorts it.</summary>
/// <param name="SourcePath">The "# Source:" path, e.g. <c>scaffold/templates/service.yaml</c>.</param>
/// <param name="Kind">The document's kind (empty when it has none).</param>
/// <param name="Name">metadata.name, when present.</param>
/// <param name="Content">The document text as Helm prints it after the Source line.</param>
/// <param name="IsHook">Whether a helm.sh/hook annotation made it a hook.</param>
/// <param name="IsTest">Whether it is a test hook (dropped by --skip-tests).</param>
public sealed record RenderedDocument(string SourcePath, string Kind, string Name, string Content, bool IsHook = false, bool IsTest = false);
