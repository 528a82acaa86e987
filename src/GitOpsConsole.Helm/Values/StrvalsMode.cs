namespace GitOpsConsole.Helm.Values;

/// <summary>How a --set family flag turns the text after '=' into a value.</summary>
internal enum StrvalsMode
{
    /// <summary>--set: true/false/null/integers typed, lists in braces.</summary>
    Typed,

    /// <summary>--set-string: always strings.</summary>
    String,

    /// <summary>--set-json: one JSON value per key.</summary>
    Json,

    /// <summary>--set-file: the value names a file whose content becomes the string value.</summary>
    File,

    /// <summary>--set-literal: everything after '=' verbatim, commas included.</summary>
    Literal,
}
