using System.Text;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>The edited file. When nothing changed, <see cref="Text"/> is the very input and callers should not commit.</summary>
public sealed record YamlEditResult(string Text, IReadOnlyList<ScalarEdit> Edits)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public bool Changed => Edits.Count > 0;

    /// <summary>The text as UTF-8; a BOM present in the input is part of <see cref="Text"/> and is written back as it was.</summary>
    public byte[] ToUtf8Bytes() => Utf8.GetBytes(Text);
}
