using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Tests.Operator;

public sealed class WorkloadHealthTests
{
    private static JsonObject Workload(string apiVersion, string kind, string spec, string status) =>
        JsonNode.Parse(string.Concat(
            "{\"apiVersion\":\"", apiVersion, "\",\"kind\":\"", kind, "\",\"metadata\":{\"name\":\"w\",\"generation\":2},",
            "\"spec\":{", spec, "},\"status\":{", status, "}}"))!.AsObject();

    [Theory]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"readyReplicas\":2,\"updatedReplicas\":2,\"currentRevision\":\"a\",\"updateRevision\":\"a\"", HealthStatus.Healthy)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":1,\"readyReplicas\":2,\"updatedReplicas\":2", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"readyReplicas\":1,\"updatedReplicas\":2", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"readyReplicas\":2,\"updatedReplicas\":2,\"currentRevision\":\"a\",\"updateRevision\":\"b\"", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2,\"updateStrategy\":{\"type\":\"OnDelete\"}", "\"observedGeneration\":2,\"readyReplicas\":2,\"updatedReplicas\":0", HealthStatus.Healthy)]
    [InlineData("\"replicas\":3,\"updateStrategy\":{\"type\":\"RollingUpdate\",\"rollingUpdate\":{\"partition\":2}}", "\"observedGeneration\":2,\"readyReplicas\":3,\"updatedReplicas\":1,\"currentRevision\":\"a\",\"updateRevision\":\"b\"", HealthStatus.Healthy)]
    public void Assess_StatefulSet_FollowsArgoRules(string spec, string status, HealthStatus expected)
    {
        Assert.Equal(expected, HealthAssessor.Assess(Workload("apps/v1", "StatefulSet", spec, status)).Status);
    }

    [Theory]
    [InlineData("", "\"observedGeneration\":2,\"desiredNumberScheduled\":3,\"updatedNumberScheduled\":3,\"numberAvailable\":3", HealthStatus.Healthy)]
    [InlineData("", "\"observedGeneration\":2,\"desiredNumberScheduled\":3,\"updatedNumberScheduled\":2,\"numberAvailable\":3", HealthStatus.Progressing)]
    [InlineData("", "\"observedGeneration\":2,\"desiredNumberScheduled\":3,\"updatedNumberScheduled\":3,\"numberAvailable\":1", HealthStatus.Progressing)]
    [InlineData("\"updateStrategy\":{\"type\":\"OnDelete\"}", "\"observedGeneration\":2,\"desiredNumberScheduled\":3,\"updatedNumberScheduled\":0", HealthStatus.Healthy)]
    public void Assess_DaemonSet_FollowsArgoRules(string spec, string status, HealthStatus expected)
    {
        Assert.Equal(expected, HealthAssessor.Assess(Workload("apps/v1", "DaemonSet", spec, status)).Status);
    }

    [Theory]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"availableReplicas\":2", HealthStatus.Healthy)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"availableReplicas\":1", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"conditions\":[{\"type\":\"ReplicaFailure\",\"status\":\"True\",\"message\":\"quota\"}]", HealthStatus.Degraded)]
    public void Assess_ReplicaSet_FollowsArgoRules(string spec, string status, HealthStatus expected)
    {
        Assert.Equal(expected, HealthAssessor.Assess(Workload("apps/v1", "ReplicaSet", spec, status)).Status);
    }

    [Theory]
    [InlineData("", "\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]", HealthStatus.Healthy)]
    [InlineData("", "\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\",\"message\":\"BackoffLimitExceeded\"}]", HealthStatus.Degraded)]
    [InlineData("\"suspend\":true", "", HealthStatus.Suspended)]
    [InlineData("", "\"active\":1", HealthStatus.Progressing)]
    [InlineData("", "\"conditions\":[{\"type\":\"Complete\",\"status\":\"False\"}]", HealthStatus.Progressing)]
    public void Assess_Job_FollowsConditions(string spec, string status, HealthStatus expected)
    {
        Assert.Equal(expected, HealthAssessor.Assess(Workload("batch/v1", "Job", spec, status)).Status);
    }
}
