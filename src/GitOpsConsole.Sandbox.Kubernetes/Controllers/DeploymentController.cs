using System.Globalization;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Operations;
using GitOpsConsole.Sandbox.Kubernetes.Registry;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// Deployment → ReplicaSets: a ReplicaSet per pod template (named by its hash), revisions,
/// rolling or recreate rollouts one step per pass, history pruning, and the status kubectl
/// rollout status reads.
/// </summary>
internal sealed class DeploymentController(ServerContext context, ObjectWriter writer, ObjectDeleter deleter, EventRecorder events) : IReconciler
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private static readonly WriteRequest Manager = WriteRequest.Controller("kube-controller-manager");
    private static readonly WriteRequest StatusManager = new("kube-controller-manager", "status");

    public string Name => "deployment";

    public TimeSpan? Reconcile(string ns, string name)
    {
        var deployment = context.Store.Get(BuiltInResources.Deployment.StorageKey, ns, name);
        if (deployment is null || Meta.IsTerminating(deployment.Node))
        {
            return null;
        }
        var sets = ControllerTools.Owned(context.Store, BuiltInResources.ReplicaSet, deployment.Uid);
        var template = TemplateHash.WithoutHashLabel(deployment.Node["spec"]?["template"]);
        var newSet = sets.FirstOrDefault(rs => JsonNode.DeepEquals(TemplateHash.WithoutHashLabel(rs.Node["spec"]?["template"]), template));
        var created = false;
        if (deployment.Node["spec"]?["paused"]?.GetValue<bool>() != true)
        {
            var maxRevision = sets.Select(Revision).DefaultIfEmpty(0).Max();
            if (newSet is null)
            {
                newSet = CreateReplicaSet(deployment, maxRevision + 1);
                created = true;
            }
            else if (Revision(newSet) < maxRevision)
            {
                newSet = Annotate(newSet, RevisionAnnotation, (maxRevision + 1).ToString(CultureInfo.InvariantCulture));
            }
            var oldSets = sets.Where(rs => rs.Name != newSet.Name).ToList();
            Scale(deployment, DeploymentRollout.Next(deployment, newSet, oldSets), oldSets.Append(newSet));
            PruneHistory(deployment, oldSets);
            if (Meta.Str(deployment.Node["metadata"]?["annotations"], RevisionAnnotation) != Meta.Str(newSet.Node["metadata"]?["annotations"], RevisionAnnotation))
            {
                deployment = Annotate(deployment, RevisionAnnotation, Meta.Str(newSet.Node["metadata"]?["annotations"], RevisionAnnotation) ?? "1");
            }
        }
        var current = ControllerTools.Owned(context.Store, BuiltInResources.ReplicaSet, deployment.Uid);
        var freshNew = newSet is null ? null : current.FirstOrDefault(rs => rs.Name == newSet.Name);
        var now = context.Time.GetUtcNow();
        var (status, deadlineAt) = DeploymentStatusCalculator.Compute(deployment, freshNew, current, created, now);
        if (!JsonNode.DeepEquals(StripTimes(status), StripTimes(deployment.Node["status"])) || created)
        {
            writer.Mutate(BuiltInResources.Deployment, ns, name, node =>
            {
                node!["status"] = status;
                return node;
            }, StatusManager, checkResourceVersion: false);
        }
        return deadlineAt is { } at ? (at > now ? at - now : TimeSpan.Zero) : null;
    }

    private StoredObject CreateReplicaSet(StoredObject deployment, long revision)
    {
        var spec = deployment.Node["spec"] as JsonObject ?? [];
        var hash = TemplateHash.Of(TemplateHash.WithoutHashLabel(spec["template"]));
        var template = TemplateHash.WithoutHashLabel(spec["template"]);
        JsonOps.Ensure(template, "metadata", "labels")[TemplateHash.Label] = hash;
        var selector = spec["selector"]?.DeepClone() as JsonObject ?? [];
        JsonOps.Ensure(selector, "matchLabels")[TemplateHash.Label] = hash;
        var labels = template["metadata"]!["labels"]!.DeepClone();
        var replicas = ControllerTools.Replicas(deployment.Node);
        var (surge, _) = DeploymentRollout.Limits(deployment, replicas);
        var rs = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{deployment.Name}-{hash}",
                ["namespace"] = deployment.Namespace,
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/max-replicas"] = (replicas + surge).ToString(CultureInfo.InvariantCulture),
                },
                ["ownerReferences"] = ControllerTools.ControllerReference(BuiltInResources.Deployment, deployment),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 0,
                ["minReadySeconds"] = spec["minReadySeconds"]?.DeepClone() ?? 0,
                ["selector"] = selector,
                ["template"] = template,
            },
        };
        return writer.Create(BuiltInResources.ReplicaSet, deployment.Namespace, rs, Manager);
    }

    private void Scale(StoredObject deployment, Dictionary<string, int> targets, IEnumerable<StoredObject> sets)
    {
        var replicas = ControllerTools.Replicas(deployment.Node);
        foreach (var rs in sets)
        {
            var from = ControllerTools.Replicas(rs.Node);
            var to = targets[rs.Name];
            if (from == to)
            {
                continue;
            }
            writer.Mutate(BuiltInResources.ReplicaSet, rs.Namespace, rs.Name, node =>
            {
                node!["spec"]!["replicas"] = to;
                JsonOps.Ensure(node, "metadata", "annotations")["deployment.kubernetes.io/desired-replicas"] = replicas.ToString(CultureInfo.InvariantCulture);
                return node;
            }, Manager, checkResourceVersion: false);
            var verb = to > from ? "up" : "down";
            events.Normal(BuiltInResources.Deployment, deployment, "ScalingReplicaSet", $"Scaled {verb} replica set {rs.Name} from {from} to {to}", "deployment-controller");
        }
    }

    private void PruneHistory(StoredObject deployment, List<StoredObject> oldSets)
    {
        var limit = Meta.Int(deployment.Node["spec"]?["revisionHistoryLimit"], 10);
        var idle = oldSets.Select(rs => context.Store.Get(rs.StorageKey, rs.Namespace, rs.Name))
            .OfType<StoredObject>()
            .Where(rs => ControllerTools.Replicas(rs.Node) == 0 && Meta.Long(rs.Node["status"]?["replicas"]) == 0)
            .OrderBy(Revision).ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            try
            {
                deleter.Delete(BuiltInResources.ReplicaSet, rs.Namespace, rs.Name, DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already pruned.
            }
        }
    }

    private StoredObject Annotate(StoredObject target, string key, string value)
    {
        var type = target.StorageKey == BuiltInResources.Deployment.StorageKey ? BuiltInResources.Deployment : BuiltInResources.ReplicaSet;
        return writer.Mutate(type, target.Namespace, target.Name, node =>
        {
            JsonOps.Ensure(node!, "metadata", "annotations")[key] = value;
            return node!;
        }, Manager, checkResourceVersion: false);
    }

    private static long Revision(StoredObject rs) => Meta.Long(rs.Node["metadata"]?["annotations"]?[RevisionAnnotation]);

    // Condition timestamps alone are not a reason to write.
    private static JsonNode? StripTimes(JsonNode? status)
    {
        var copy = status?.DeepClone();
        foreach (var condition in (copy?["conditions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            condition.Remove("lastUpdateTime");
            condition.Remove("lastTransitionTime");
        }
        return copy;
    }
}
