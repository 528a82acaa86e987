using System.Text.Json.Nodes;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Components;

namespace GitOpsConsole.Web.Components.Drift;

/// <summary>
/// Git's manifest of one object beside its live state (cut to the fields the manifest sets) as YAML, line
/// against line with DiffPlex; the drifted lines are highlighted on both sides.
/// </summary>
public partial class DriftDiff
{
    private const string HeaderStyle = "text-align:left; padding:4px 8px; font-weight:600;";
    private const string NumberStyle = "text-align:right; padding:0 6px; color:var(--mud-palette-text-disabled); user-select:none; vertical-align:top;";
    private const string GapStyle = "padding:2px 8px; color:var(--mud-palette-text-secondary); background:var(--mud-palette-background-gray); font-style:italic;";

    // Lines of context kept around each drifted line; longer unchanged runs fold into one "⋯ n unchanged lines" row.
    private const int Context = 3;
    private SideBySideDiffModel _model = new();
    private List<(int Row, int Hidden)> _shown = [];

    /// <summary>Git's manifest; null when Git does not have the object.</summary>
    [Parameter]
    public JsonObject? Desired { get; set; }

    /// <summary>The live object; null when the cluster does not have it.</summary>
    [Parameter]
    public JsonObject? Live { get; set; }

    protected override void OnParametersSet()
    {
        var desired = Desired is null ? "" : YamlText.From(Desired).TrimEnd('\n');
        var live = Live is null ? "" : YamlText.From(Desired is null ? Live : LiveProjection.Project(Desired, Live)).TrimEnd('\n');
        _model = SideBySideDiffBuilder.Diff(desired, live, ignoreWhiteSpace: false);
        var rows = Math.Max(_model.OldText.Lines.Count, _model.NewText.Lines.Count);
        var changed = Enumerable.Range(0, rows).Where(Changed).ToList();
        _shown = [];
        for (var i = 0; i < rows;)
        {
            if (changed.Count == 0 || changed.Any(c => Math.Abs(c - i) <= Context))
            {
                _shown.Add((i++, 0));
                continue;
            }

            var next = changed.FirstOrDefault(c => c > i, rows + Context);
            var end = Math.Min(rows, next - Context);
            _shown.Add((i, end - i));
            i = end;
        }
    }

    private bool Changed(int row) =>
        Line(_model.OldText, row)?.Type is ChangeType.Modified or ChangeType.Deleted || Line(_model.NewText, row)?.Type is ChangeType.Modified or ChangeType.Inserted;

    private static DiffPiece? Line(DiffPaneModel pane, int index) => index < pane.Lines.Count ? pane.Lines[index] : null;

    private static string CellStyle(DiffPiece? piece, bool desired)
    {
        const string Base = "white-space:pre; padding:0 8px; overflow:hidden; text-overflow:ellipsis;";
        return piece?.Type switch
        {
            ChangeType.Modified or ChangeType.Deleted or ChangeType.Inserted => Base + (desired
                ? "background:rgba(46,160,67,0.18);"
                : "background:rgba(248,81,73,0.18); font-weight:600;"),
            ChangeType.Imaginary or null => Base + "background:var(--mud-palette-background-gray);",
            _ => Base,
        };
    }
}
