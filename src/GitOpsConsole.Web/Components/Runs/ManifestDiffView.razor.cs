using GitOpsConsole.Integrations.Deploy;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Runs;

public partial class ManifestDiffView
{
    private const int Context = 3;

    [Parameter, EditorRequired]
    public ManifestDiff? Diff { get; set; }

    private sealed record Chunk(ManifestDiffLine? Line, int Folded);

    // Lines within Context of a change are shown; each longer unchanged run becomes one "⋯ n unchanged lines" marker.
    private IEnumerable<Chunk> Chunks
    {
        get
        {
            var lines = Diff!.Lines;
            var keep = new bool[lines.Count];
            for (var i = 0; i < lines.Count; i++)
            {
                // helm's "# Source:" headers stay visible: they say which object the changes below belong to.
                keep[i] |= lines[i].Text.StartsWith("# Source:", StringComparison.Ordinal);
                if (lines[i].Kind != ManifestLineKind.Unchanged)
                {
                    for (var j = Math.Max(0, i - Context); j <= Math.Min(lines.Count - 1, i + Context); j++)
                    {
                        keep[j] = true;
                    }
                }
            }

            var folded = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                if (!keep[i])
                {
                    folded++;
                    continue;
                }

                if (folded > 0)
                {
                    yield return new Chunk(null, folded);
                    folded = 0;
                }

                yield return new Chunk(lines[i], 0);
            }

            if (folded > 0)
            {
                yield return new Chunk(null, folded);
            }
        }
    }

    private static string ClassOf(ManifestLineKind kind) => kind switch
    {
        ManifestLineKind.Added => "diff-add",
        ManifestLineKind.Removed => "diff-del",
        _ => "diff-context",
    };

    private static string Prefix(ManifestLineKind kind) => kind switch
    {
        ManifestLineKind.Added => "+ ",
        ManifestLineKind.Removed => "- ",
        _ => "  ",
    };
}
