using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>Job → pods until `completions` succeed (up to `parallelism` at once), failing after backoffLimit failures.</summary>
internal sealed class JobController(ServerContext context, ObjectWriter writer, EventRecorder events) : IReconciler
{
    private static readonly WriteRequest Manager = WriteRequest.Controller("kube-controller-manager");
    private static readonly WriteRequest StatusManager = new("kube-controller-manager", "status");

    public string Name => "job";

    public TimeSpan? Reconcile(string ns, string name)
    {
        var job = context.Store.Get(BuiltInResources.Job.StorageKey, ns, name);
        if (job is null || Meta.IsTerminating(job.Node) || Finished(job.Node))
        {
            return null;
        }
        var spec = job.Node["spec"] as JsonObject ?? [];
        var completions = Meta.Int(spec["completions"], 1);
        var parallelism = Meta.Int(spec["parallelism"], 1);
        var backoffLimit = Meta.Int(spec["backoffLimit"], 6);
        var pods = ControllerTools.Owned(context.Store, BuiltInResources.Pod, job.Uid);
        var succeeded = pods.Count(p => Phase(p) == "Succeeded");
        var failed = pods.Count(p => Phase(p) == "Failed");
        var active = pods.Count - succeeded - failed;
        var now = Meta.Timestamp(context.Time.GetUtcNow());
        var status = new JsonObject
        {
            ["startTime"] = job.Node["status"]?["startTime"]?.DeepClone() ?? now,
            ["active"] = active,
            ["succeeded"] = succeeded,
            ["failed"] = failed,
            ["ready"] = pods.Count(p => ControllerTools.IsPodReady(p.Node)),
            ["conditions"] = job.Node["status"]?["conditions"]?.DeepClone() ?? new JsonArray(),
        };
        if (succeeded >= completions)
        {
            status["completionTime"] = now;
            ControllerTools.SetCondition(status, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
            events.Normal(BuiltInResources.Job, job, "Completed", "Job completed", "job-controller");
        }
        else if (failed > backoffLimit)
        {
            ControllerTools.SetCondition(status, "Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
            events.Warning(BuiltInResources.Job, job, "BackoffLimitExceeded", "Job has reached the specified backoff limit", "job-controller");
        }
        else
        {
            var wanted = Math.Min(parallelism, completions - succeeded) - active;
            for (var i = 0; i < wanted; i++)
            {
                var pod = writer.Create(BuiltInResources.Pod, ns, PodFactory.FromTemplate(BuiltInResources.Job, job, null, name + "-"), Manager);
                events.Normal(BuiltInResources.Job, job, "SuccessfulCreate", $"Created pod: {pod.Name}", "job-controller");
                status["active"] = Meta.Long(status["active"]) + 1;
            }
        }
        if (!JsonNode.DeepEquals(status, job.Node["status"]))
        {
            writer.Mutate(BuiltInResources.Job, ns, name, node =>
            {
                node!["status"] = status;
                return node;
            }, StatusManager, checkResourceVersion: false);
        }
        return null;
    }

    private static string? Phase(StoredObject pod) => Meta.Str(pod.Node["status"], "phase");

    private static bool Finished(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => Meta.Str(c, "type") is "Complete" or "Failed" && Meta.Str(c, "status") == "True");
}
