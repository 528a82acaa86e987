using GitOpsConsole.Integrations.Deploy;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Runs;

public partial class ManifestDiffView
{
    private const int Context = 3;
    private const int MinFold = 3;

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

            var start = 0;
            for (var i = 0; i <= lines.Count; i++)
            {
                if (i < lines.Count && !keep[i])
                {
                    continue;
                }

                // A marker for one or two lines would hide them without saving any space.
                if (i - start >= MinFold)
                {
                    yield return new Chunk(null, i - start);
                }
                else
                {
                    for (var j = start; j < i; j++)
                    {
                        yield return new Chunk(lines[j], 0);
                    }
                }

                if (i < lines.Count)
                {
                    yield return new Chunk(lines[i], 0);
                }

                start = i + 1;
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
