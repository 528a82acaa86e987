using System.Text.RegularExpressions;

namespace GitOpsConsole.Helm.Output;

/// <summary>Helm's SplitManifests: documents separated by lines starting with "---", leading whitespace dropped.</summary>
internal static partial class ManifestSplitter
{
    [GeneratedRegex(@"^---[ \t]*", RegexOptions.Multiline)]
    private static partial Regex Separator();

    public static List<string> Split(string text)
    {
        var documents = new List<string>();
        foreach (var part in Separator().Split(text.TrimStart()))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            documents.Add(part.TrimStart());
        }

        return documents;
    }
}
