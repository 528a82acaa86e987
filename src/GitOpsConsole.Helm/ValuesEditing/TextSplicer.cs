using System.Text;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Replaces character ranges and copies everything else verbatim.</summary>
internal static class TextSplicer
{
    public static string Apply(string text, IEnumerable<ScalarEdit> edits)
    {
        var sb = new StringBuilder(text.Length + 16);
        var copied = 0;
        foreach (var edit in edits.OrderBy(e => e.Offset))
        {
            if (edit.Offset < copied)
            {
                throw new InvalidOperationException($"overlapping edits at offset {edit.Offset}");
            }

            sb.Append(text, copied, edit.Offset - copied).Append(edit.NewSource);
            copied = edit.Offset + edit.OldSource.Length;
        }

        return sb.Append(text, copied, text.Length - copied).ToString();
    }
}
