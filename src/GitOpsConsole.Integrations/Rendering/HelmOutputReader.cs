using System.Text;
using System.Text.RegularExpressions;

namespace GitOpsConsole.Integrations.Rendering;

/// <summary>
/// Splits what <c>helm template</c> printed back into its source files ("# Source: path" after each "---"),
/// several documents of one template joined again, so they can be sorted and read like a manifest folder.
/// </summary>
internal static partial class HelmOutputReader
{
    private const string SourcePrefix = "# Source: ";

    [GeneratedRegex(@"^---[ \t]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex Separator();

    public static Dictionary<string, byte[]> ReadFiles(string output)
    {
        var files = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var part in Separator().Split(output))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            var (path, document) = SplitSource(part);
            if (!files.TryGetValue(path, out var text))
            {
                files[path] = text = new StringBuilder();
            }
            else
            {
                text.Append("---\n");
            }

            text.Append(document);
        }

        return files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value.ToString()), StringComparer.Ordinal);
    }

    private static (string Path, string Document) SplitSource(string part)
    {
        var trimmed = part.TrimStart('\r', '\n');
        if (!trimmed.StartsWith(SourcePrefix, StringComparison.Ordinal))
        {
            return ("helm-output.yaml", trimmed);
        }

        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var path = (end < 0 ? trimmed[SourcePrefix.Length..] : trimmed[SourcePrefix.Length..end]).Trim();
        var document = end < 0 ? string.Empty : trimmed[(end + 1)..];
        // The manifest reader takes .yaml/.yml/.json files only; a template named otherwise still rendered YAML.
        var isManifestName = path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal);
        return (isManifestName ? path : path + ".yaml", document);
    }
}
