using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Tests.Operator;

public class DriftFilterTests
{
    private static readonly ResourceKey Deployment = new("apps", "Deployment", "shop", "web");

    [Theory]
    [InlineData("spec.replicas", "/spec/replicas")]
    [InlineData("spec.template.spec.containers[name=web].image", "/spec/template/spec/containers/name=web/image")]
    [InlineData("metadata.labels[\"app.kubernetes.io/name\"]", "/metadata/labels/app.kubernetes.io~1name")]
    [InlineData("spec.args[1]", "/spec/args/1")]
    [InlineData("", "")]
    public void FromPath_ComparerPath_JsonPointer(string path, string expected) =>
        Assert.Equal(expected, DriftPointer.FromPath(path));

    [Fact]
    public void Ignores_RuleForTheKindAndAParentPointer_LeavesTheFieldAlone()
    {
        var filter = new DriftFilter([new DriftIgnoreRule { Group = "apps", Kind = "Deployment", JsonPointer = "/spec/template", CreatedBy = "config" }]);

        Assert.True(filter.Ignores(Deployment, new FieldDiff("spec.template.spec.containers[name=web].image", "\"a\"", "\"b\""), null));
        Assert.False(filter.Ignores(Deployment, new FieldDiff("spec.replicas", "2", "4"), null));
        Assert.False(filter.Ignores(Deployment with { Kind = "StatefulSet" }, new FieldDiff("spec.template.spec.hostname", "\"a\"", "\"b\""), null));
    }

    [Fact]
    public void Ignores_RuleForAnotherObjectName_StillDrift()
    {
        var filter = new DriftFilter([new DriftIgnoreRule { Group = "apps", Kind = "Deployment", Name = "api", JsonPointer = "/spec/replicas", CreatedBy = "alice" }]);

        Assert.False(filter.Ignores(Deployment, new FieldDiff("spec.replicas", "2", "4"), null));
        Assert.True(filter.Ignores(Deployment with { Name = "api" }, new FieldDiff("spec.replicas", "2", "4"), null));
    }

    [Fact]
    public void Ignores_ReplicasOwnedByTheAutoscalerController_NotDrift()
    {
        var live = Live("kube-controller-manager", "Update", """{"f:spec":{"f:replicas":{}}}""");

        Assert.True(DriftFilter.None.Ignores(Deployment, new FieldDiff("spec.replicas", "2", "5"), live));
    }

    [Fact]
    public void Ignores_ReplicasTakenByKubectlScale_StillDrift()
    {
        var live = Live("kubectl", "Update", """{"f:spec":{"f:replicas":{}}}""");

        Assert.False(DriftFilter.None.Ignores(Deployment, new FieldDiff("spec.replicas", "2", "4"), live));
    }

    [Fact]
    public void Ignores_ContainerFieldAppliedByAnotherManager_NotDrift()
    {
        var live = Live("platform-team", "Apply", """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{"f:resources":{}}}}}}}""");

        Assert.True(DriftFilter.None.Ignores(Deployment, new FieldDiff("spec.template.spec.containers[name=web].resources", "{}", "{\"limits\":{}}"), live));
        Assert.False(DriftFilter.None.Ignores(Deployment, new FieldDiff("spec.template.spec.containers[name=web].image", "\"a\"", "\"b\""), live));
    }

    private static JsonObject Live(string manager, string operation, string fields) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["managedFields"] = new JsonArray(
                new JsonObject { ["manager"] = "gitops-console", ["operation"] = "Apply", ["fieldsV1"] = JsonNode.Parse("""{"f:metadata":{"f:labels":{}}}""") },
                new JsonObject { ["manager"] = manager, ["operation"] = operation, ["fieldsV1"] = JsonNode.Parse(fields) }),
        },
    };
}
