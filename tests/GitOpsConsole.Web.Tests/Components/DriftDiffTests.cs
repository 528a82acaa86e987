using System.Text.Json.Nodes;
using Bunit;
using GitOpsConsole.Web.Components.Drift;

namespace GitOpsConsole.Web.Tests.Components;

public class DriftDiffTests : ComponentTestContext
{
    private static JsonObject Desired() => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"catalog","namespace":"catalog"},
         "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"web","image":"registry/catalog:abc"}]}}}}
        """)!.AsObject();

    private static JsonObject Live(int replicas) => JsonNode.Parse("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"catalog","namespace":"catalog","uid":"u-1","resourceVersion":"42","managedFields":[{"manager":"kubectl"}]},
         "spec":{"replicas":REPLICAS,"progressDeadlineSeconds":600,
                 "template":{"spec":{"containers":[{"name":"web","image":"registry/catalog:abc","imagePullPolicy":"IfNotPresent"}]}}},
         "status":{"readyReplicas":1}}
        """.Replace("REPLICAS", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))!.AsObject();

    [Fact]
    public void Render_ReplicasDrifted_OnlyTheReplicasLineIsHighlightedAndTheRestFolds()
    {
        var diff = Render<DriftDiff>(p => p.Add(c => c.Desired, Desired()).Add(c => c.Live, Live(5)));

        var changed = diff.FindAll("tr.diff-changed");
        var row = Assert.Single(changed);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("replicas: 1", cells[1]);
        Assert.Equal("replicas: 5", cells[3]);
        Assert.Contains(diff.FindAll("tr.diff-gap"), gap => gap.TextContent.Contains("unchanged line", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_LiveWithServerFields_ShowsOnlyWhatTheManifestSets()
    {
        var diff = Render<DriftDiff>(p => p.Add(c => c.Desired, Desired()).Add(c => c.Live, Live(1)));

        Assert.Empty(diff.FindAll("tr.diff-changed"));
        Assert.DoesNotContain("managedFields", diff.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("progressDeadlineSeconds", diff.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("readyReplicas", diff.Markup, StringComparison.Ordinal);
        Assert.Contains("- name: web", diff.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ObjectMissingLive_EveryDesiredLineChangedAndSaysAbsent()
    {
        var diff = Render<DriftDiff>(p => p.Add(c => c.Desired, Desired()).Add(c => c.Live, (JsonObject?)null));

        Assert.Contains("object absent", diff.Find("thead").TextContent, StringComparison.Ordinal);
        Assert.Equal(diff.FindAll("tbody tr").Count, diff.FindAll("tr.diff-changed").Count);
    }
}
