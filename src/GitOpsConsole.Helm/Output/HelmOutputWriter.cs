using System.Text;
using System.Text.RegularExpressions;
using GitOpsConsole.Helm.Charts;

namespace GitOpsConsole.Helm.Output;

/// <summary>Assembles stdout the way `helm template` does (pkg/action renderResources + pkg/cmd/template.go).</summary>
internal static partial class HelmOutputWriter
{
    [GeneratedRegex("# Source: [^/]+/(.+)")]
    private static partial Regex SourceLine();

    public static RenderResult Write(IReadOnlyList<(string Path, string Content)> crds, List<SortedManifest> manifests, List<SortedManifest> hooks, RenderOptions options, string notes)
    {
        var documents = new List<RenderedDocument>();
        var manifestText = new StringBuilder();
        foreach (var (path, content) in crds)
        {
            manifestText.Append("---\n# Source: ").Append(path).Append('\n').Append(content).Append('\n');
            var head = ManifestSplitter.Split(content) is [var first, ..] ? ManifestHead.Parse(first, path) : null;
            documents.Add(new RenderedDocument(path, head?.Kind ?? string.Empty, head?.Name ?? string.Empty, content));
        }

        foreach (var m in manifests)
        {
            manifestText.Append("---\n# Source: ").Append(m.Path).Append('\n').Append(m.Content).Append('\n');
            documents.Add(new RenderedDocument(m.Path, m.Head.Kind, m.Head.Name, m.Content));
        }

        var output = new StringBuilder(manifestText.ToString().Trim()).Append('\n');
        foreach (var h in hooks.Where(h => !(options.SkipTests && h.IsTest)))
        {
            output.Append("---\n# Source: ").Append(h.Path).Append('\n').Append(h.Content).Append('\n');
            documents.Add(new RenderedDocument(h.Path, h.Head.Kind, h.Head.Name, h.Content, IsHook: true, IsTest: h.IsTest));
        }

        if (options.ShowOnly.Count == 0)
        {
            return new RenderResult(documents, output.ToString(), notes);
        }

        return ShowOnly(output.ToString(), documents, options.ShowOnly, notes);
    }

    /// <summary>--show-only re-splits the final text and keeps documents whose Source (minus chart name) matches.</summary>
    private static RenderResult ShowOnly(string output, List<RenderedDocument> documents, IReadOnlyList<string> patterns, string notes)
    {
        var split = ManifestSplitter.Split(output);
        var selected = new StringBuilder();
        var selectedDocuments = new List<RenderedDocument>();
        foreach (var raw in patterns)
        {
            var pattern = raw.Replace('\\', '/');
            var missing = true;
            for (var i = 0; i < split.Count; i++)
            {
                var match = SourceLine().Match(split[i]);
                if (!match.Success || !GlobPattern.IsMatch(pattern, match.Groups[1].Value))
                {
                    continue;
                }

                selected.Append("---\n").Append(split[i]).Append('\n');
                if (i < documents.Count)
                {
                    selectedDocuments.Add(documents[i]);
                }

                missing = false;
            }

            if (missing)
            {
                throw new ChartRenderException($"could not find template {pattern} in chart");
            }
        }

        return new RenderResult(selectedDocuments, selected.ToString(), notes);
    }
}
