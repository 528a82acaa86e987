using GitOpsConsole.Helm.Output;

namespace GitOpsConsole.Helm.Tests.Output;

public sealed class KindOrderTests
{
    [Fact]
    public void SortStable_KnownKinds_FollowHelmInstallOrder()
    {
        string[] kinds = ["Deployment", "Service", "ConfigMap", "Namespace", "ServiceAccount", "Ingress", "Job", "CustomResourceDefinition"];

        var sorted = KindOrder.SortStable(kinds, k => k);

        Assert.Equal(["Namespace", "ServiceAccount", "ConfigMap", "CustomResourceDefinition", "Service", "Deployment", "Job", "Ingress"], sorted);
    }

    [Fact]
    public void SortStable_UnknownKinds_GoLastAlphabetically()
    {
        string[] kinds = ["Zebra", "Service", "Alpha", "Pod"];

        Assert.Equal(["Service", "Pod", "Alpha", "Zebra"], KindOrder.SortStable(kinds, k => k));
    }

    [Fact]
    public void SortStable_SameKind_KeepsInputOrder()
    {
        (string Kind, int Id)[] items = [("Service", 1), ("ConfigMap", 2), ("Service", 3), ("Service", 4)];

        var sorted = KindOrder.SortStable(items, i => i.Kind);

        Assert.Equal([2, 1, 3, 4], sorted.Select(i => i.Id));
    }

    [Fact]
    public void Split_DocumentSeparators_AreLinesStartingWithDashes()
    {
        var documents = ManifestSplitter.Split("\n\na: 1\n---\nb: 2\n--- \n\n---\nc: 3\n");

        Assert.Equal(["a: 1\n", "b: 2\n", "c: 3\n"], documents);
    }
}
