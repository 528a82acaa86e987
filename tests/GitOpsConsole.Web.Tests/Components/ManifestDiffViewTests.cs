using Bunit;
using GitOpsConsole.Integrations.Deploy;
using GitOpsConsole.Web.Components.Runs;

namespace GitOpsConsole.Web.Tests.Components;

public class ManifestDiffViewTests : ComponentTestContext
{
    private static ManifestDiffLine Same(string text) => new(ManifestLineKind.Unchanged, text);

    [Fact]
    public void Render_LongUnchangedStretches_FoldToMarkersKeepingContextAndSourceHeaders()
    {
        List<ManifestDiffLine> lines =
        [
            Same("# Source: app/templates/deployment.yaml"),
            .. Enumerable.Range(1, 10).Select(i => Same($"before-{i:00}")),
            new(ManifestLineKind.Removed, "image: app:v1"),
            new(ManifestLineKind.Added, "image: app:v2"),
            .. Enumerable.Range(1, 10).Select(i => Same($"after-{i:00}")),
        ];

        var cut = Render<ManifestDiffView>(p => p.Add(c => c.Diff, new ManifestDiff("a", "b", lines, null)));

        var text = cut.Find("[data-testid=manifest-diff]").TextContent;
        Assert.Contains("# Source: app/templates/deployment.yaml", text, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll(".diff-hunk").Count(m => m.TextContent.Contains("7 unchanged lines", StringComparison.Ordinal)));
        Assert.DoesNotContain("before-07", text, StringComparison.Ordinal);
        Assert.Contains("before-08", text, StringComparison.Ordinal);
        Assert.Contains("after-03", text, StringComparison.Ordinal);
        Assert.DoesNotContain("after-04", text, StringComparison.Ordinal);
        Assert.Equal("- image: app:v1", cut.Find(".diff-del").TextContent.Trim());
        Assert.Equal("+ image: app:v2", cut.Find(".diff-add").TextContent.Trim());
    }

    [Fact]
    public void Render_ShortUnchangedStretch_ShownRatherThanFolded()
    {
        List<ManifestDiffLine> lines = [Same("kind: Service"), Same("spec:"), .. Enumerable.Range(1, 3).Select(i => Same($"line-{i}")), new(ManifestLineKind.Added, "  type: ClusterIP")];

        var cut = Render<ManifestDiffView>(p => p.Add(c => c.Diff, new ManifestDiff("a", "b", lines, null)));

        Assert.Empty(cut.FindAll(".diff-hunk"));
        Assert.Contains("kind: Service", cut.Find("[data-testid=manifest-diff]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RenderFailedOrNothingChanged_SaysSo()
    {
        var failed = Render<ManifestDiffView>(p => p.Add(c => c.Diff, new ManifestDiff("a", "b", [], "Rendering 'chart' failed: boom")));
        var same = Render<ManifestDiffView>(p => p.Add(c => c.Diff, new ManifestDiff("a", "b", [Same("kind: Service")], null)));

        Assert.Contains("boom", failed.Markup, StringComparison.Ordinal);
        Assert.Contains("the same before and after", same.Find("[data-testid=manifest-diff-empty]").TextContent, StringComparison.Ordinal);
    }
}
