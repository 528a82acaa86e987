using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Store;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>
/// One step of a rollout, as the deployment controller takes it: the replica counts each
/// ReplicaSet should have next. Rolling updates scale the new set up within maxSurge, else scale
/// old sets down while keeping maxUnavailable; Recreate empties old sets before scaling up.
/// </summary>
internal static class DeploymentRollout
{
    public static Dictionary<string, int> Next(StoredObject deployment, StoredObject newSet, IReadOnlyList<StoredObject> oldSets)
    {
        var desired = ControllerTools.Replicas(deployment.Node);
        var all = oldSets.Append(newSet).ToList();
        var spec = all.ToDictionary(rs => rs.Name, rs => ControllerTools.Replicas(rs.Node), StringComparer.Ordinal);
        var available = all.ToDictionary(rs => rs.Name, rs => (int)Meta.Long(rs.Node["status"]?["availableReplicas"]), StringComparer.Ordinal);
        var strategy = deployment.Node["spec"]?["strategy"];
        if (Meta.Str(strategy, "type") == "Recreate")
        {
            return Recreate(newSet, oldSets, desired, spec);
        }
        var (surge, unavailable) = Limits(deployment, desired);
        var newName = newSet.Name;
        if (spec[newName] > desired)
        {
            spec[newName] = desired;
            return spec;
        }
        if (spec[newName] < desired)
        {
            var room = desired + surge - spec.Values.Sum();
            if (room > 0)
            {
                spec[newName] += Math.Min(room, desired - spec[newName]);
                return spec;
            }
        }
        ScaleDownOld(spec, available, oldSets, newName, desired - unavailable);
        return spec;
    }

    public static (int Surge, int Unavailable) Limits(StoredObject deployment, int desired)
    {
        var rolling = deployment.Node["spec"]?["strategy"]?["rollingUpdate"];
        var surge = IntOrPercent.Resolve(rolling?["maxSurge"], desired, roundUp: true, fallback: (int)Math.Ceiling(desired * 0.25));
        var unavailable = IntOrPercent.Resolve(rolling?["maxUnavailable"], desired, roundUp: false, fallback: desired / 4);
        if (Meta.Str(deployment.Node["spec"]?["strategy"], "type") == "Recreate")
        {
            return (0, desired);
        }
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    private static void ScaleDownOld(Dictionary<string, int> spec, Dictionary<string, int> available, IReadOnlyList<StoredObject> oldSets, string newName, int minAvailable)
    {
        var oldest = oldSets.OrderBy(rs => Meta.Str(rs.Node["metadata"], "creationTimestamp"), StringComparer.Ordinal).ThenBy(rs => rs.ResourceVersion).ToList();
        var newUnavailable = spec[newName] - available[newName];
        var budget = spec.Values.Sum() - minAvailable - newUnavailable;
        // Unhealthy old pods go first: removing them never reduces availability.
        foreach (var rs in oldest)
        {
            var unhealthy = spec[rs.Name] - available[rs.Name];
            if (budget <= 0 || unhealthy <= 0)
            {
                continue;
            }
            var down = Math.Min(budget, unhealthy);
            spec[rs.Name] -= down;
            budget -= down;
        }
        var availableBudget = available.Values.Sum() - minAvailable;
        foreach (var rs in oldest)
        {
            if (availableBudget <= 0)
            {
                break;
            }
            var down = Math.Min(spec[rs.Name], availableBudget);
            spec[rs.Name] -= down;
            availableBudget -= down;
        }
    }

    private static Dictionary<string, int> Recreate(StoredObject newSet, IReadOnlyList<StoredObject> oldSets, int desired, Dictionary<string, int> spec)
    {
        if (oldSets.Any(rs => spec[rs.Name] > 0))
        {
            foreach (var rs in oldSets)
            {
                spec[rs.Name] = 0;
            }
            return spec;
        }
        if (oldSets.All(rs => Meta.Long(rs.Node["status"]?["replicas"]) == 0))
        {
            spec[newSet.Name] = desired;
        }
        return spec;
    }
}
