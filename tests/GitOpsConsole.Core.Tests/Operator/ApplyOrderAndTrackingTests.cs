using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Tests.Operator;

public sealed class ApplyOrderAndTrackingTests
{
    [Fact]
    public void Sort_MixedKinds_NamespacesThenCrdsThenGivenOrder()
    {
        ResourceKey[] keys =
        [
            new("", "ServiceAccount", "a", "sa"),
            new("apiextensions.k8s.io", "CustomResourceDefinition", "", "crd"),
            new("apps", "Deployment", "a", "d"),
            new("", "Namespace", "", "a"),
            new("", "Service", "a", "s"),
        ];

        var sorted = ApplyOrder.Sort(keys, k => k).Select(k => k.Kind);

        Assert.Equal(["Namespace", "CustomResourceDefinition", "ServiceAccount", "Deployment", "Service"], sorted);
    }

    [Fact]
    public void IsOwnedBy_AnnotationCopiedToAnotherObject_IsNotOwned()
    {
        var original = new ResourceKey("", "ConfigMap", "shop", "settings");
        var copy = original with { Name = "settings-copy" };
        var id = TrackingId.For("storefront", original);

        Assert.Equal("storefront:/ConfigMap:shop/settings", id);
        Assert.True(TrackingId.IsOwnedBy(id, "storefront", original));
        Assert.False(TrackingId.IsOwnedBy(id, "storefront", copy));
        Assert.False(TrackingId.IsOwnedBy(id, "catalog", original));
    }

    [Theory]
    [InlineData("apps/v1", "apps")]
    [InlineData("v1", "")]
    [InlineData("networking.k8s.io/v1", "networking.k8s.io")]
    public void GroupOf_ApiVersion_ReturnsGroup(string apiVersion, string group)
    {
        Assert.Equal(group, ResourceKey.GroupOf(apiVersion));
    }
}
