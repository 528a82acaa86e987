using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Operator;

namespace GitOpsConsole.Core.Tests.Operator;

public sealed class HealthAssessorTests
{
    private static JsonObject Deployment(string spec, string status) => JsonNode.Parse(
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":2},"spec":{"""
        + spec + """},"status":{""" + status + "}}")!.AsObject();

    private static JsonObject Pod(string status, string restartPolicy = "Always")
    {
        var pod = JsonNode.Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1"},"status":{""" + status + "}}")!.AsObject();
        pod["spec"] = new JsonObject { ["restartPolicy"] = restartPolicy };
        return pod;
    }

    [Theory]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":2", HealthStatus.Healthy)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":1,\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":2", HealthStatus.Progressing)]
    [InlineData("\"replicas\":3", "\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":1,\"availableReplicas\":1", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":2,\"availableReplicas\":2", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":1", HealthStatus.Progressing)]
    [InlineData("\"replicas\":2,\"paused\":true", "\"observedGeneration\":2,\"replicas\":2,\"updatedReplicas\":1", HealthStatus.Suspended)]
    [InlineData("\"replicas\":2", "\"observedGeneration\":2,\"replicas\":2,\"updatedReplicas\":1,\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\"}]", HealthStatus.Degraded)]
    [InlineData("", "\"observedGeneration\":2,\"replicas\":1,\"updatedReplicas\":1,\"availableReplicas\":1", HealthStatus.Healthy)]
    public void Assess_Deployment_FollowsArgoRules(string spec, string status, HealthStatus expected)
    {
        Assert.Equal(expected, HealthAssessor.Assess(Deployment(spec, status)).Status);
    }

    [Fact]
    public void Assess_DeploymentPastDeadline_NamesTheDeadlineInTheMessage()
    {
        var health = HealthAssessor.Assess(Deployment("\"replicas\":1",
            "\"observedGeneration\":2,\"conditions\":[{\"type\":\"Progressing\",\"status\":\"False\",\"reason\":\"ProgressDeadlineExceeded\"}]"));

        Assert.Contains("exceeded its progress deadline", health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CrashLoopBackOff")]
    [InlineData("ImagePullBackOff")]
    [InlineData("ErrImagePull")]
    [InlineData("CreateContainerConfigError")]
    public void Assess_PodWaitingWithErrorReason_IsDegraded(string reason)
    {
        var pod = Pod("""
            "phase":"Pending","containerStatuses":[{"name":"app","ready":false,"state":{"waiting":{"reason":"REASON","message":"boom"}}}]
            """.Replace("REASON", reason, StringComparison.Ordinal));

        var health = HealthAssessor.Assess(pod);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains(reason, health.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"app\",\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]", "Always", HealthStatus.Progressing)]
    [InlineData("\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"}]", "Always", HealthStatus.Healthy)]
    [InlineData("\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}]", "Always", HealthStatus.Progressing)]
    [InlineData("\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}],\"containerStatuses\":[{\"name\":\"app\",\"lastState\":{\"terminated\":{\"exitCode\":1}}}]", "Always", HealthStatus.Degraded)]
    [InlineData("\"phase\":\"Running\"", "Never", HealthStatus.Progressing)]
    [InlineData("\"phase\":\"Succeeded\"", "Never", HealthStatus.Healthy)]
    [InlineData("\"phase\":\"Failed\"", "Never", HealthStatus.Degraded)]
    [InlineData("\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"app\",\"state\":{\"waiting\":{\"reason\":\"ImagePullBackOff\"}}}]", "Never", HealthStatus.Progressing)]
    public void Assess_Pod_FollowsPhaseAndReadiness(string status, string restartPolicy, HealthStatus expected)
    {
        Assert.Equal(expected, HealthAssessor.Assess(Pod(status, restartPolicy)).Status);
    }

    [Fact]
    public void Assess_Absent_IsMissing()
    {
        Assert.Equal(HealthStatus.Missing, HealthAssessor.Assess(null).Status);
    }

    [Theory]
    [InlineData("v1", "Service")]
    [InlineData("v1", "ConfigMap")]
    [InlineData("v1", "Secret")]
    [InlineData("v1", "ServiceAccount")]
    [InlineData("v1", "Namespace")]
    public void Assess_KindsWithoutRules_HealthyWhenPresent(string apiVersion, string kind)
    {
        var live = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind, ["metadata"] = new JsonObject { ["name"] = "x" } };

        Assert.Equal(HealthStatus.Healthy, HealthAssessor.Assess(live).Status);
    }

    [Fact]
    public void Assess_LoadBalancerWithoutAddress_IsProgressing()
    {
        var service = JsonNode.Parse("""{"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},"spec":{"type":"LoadBalancer"}}""")!.AsObject();

        Assert.Equal(HealthStatus.Progressing, HealthAssessor.Assess(service).Status);
    }

    [Fact]
    public void WithPods_HealthyDeploymentWithCrashingPod_IsDegradedNamingThePod()
    {
        var crashing = Pod("""
            "phase":"Running","containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]
            """);

        var health = HealthAssessor.WithPods(HealthResult.Progressing("rolling"), [crashing]);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("web-1", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPods_TerminatingCrashingPod_IsIgnored()
    {
        var crashing = Pod("""
            "phase":"Running","containerStatuses":[{"name":"app","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]
            """);
        crashing["metadata"]!["deletionTimestamp"] = "2026-01-01T00:00:00Z";

        Assert.Equal(HealthStatus.Healthy, HealthAssessor.WithPods(HealthResult.Healthy(), [crashing]).Status);
    }

    [Theory]
    [InlineData(new[] { HealthStatus.Healthy, HealthStatus.Suspended }, HealthStatus.Suspended)]
    [InlineData(new[] { HealthStatus.Progressing, HealthStatus.Suspended }, HealthStatus.Progressing)]
    [InlineData(new[] { HealthStatus.Missing, HealthStatus.Progressing }, HealthStatus.Missing)]
    [InlineData(new[] { HealthStatus.Missing, HealthStatus.Degraded, HealthStatus.Healthy }, HealthStatus.Degraded)]
    [InlineData(new HealthStatus[0], HealthStatus.Healthy)]
    public void Worst_Statuses_RanksLikeArgo(HealthStatus[] statuses, HealthStatus expected)
    {
        Assert.Equal(expected, HealthOrder.Worst(statuses.Select(s => new HealthResult(s, ""))).Status);
    }
}
