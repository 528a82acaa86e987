using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Data.Applications;

/// <summary>Copies declared settings onto the stored entity and says whether anything changed.</summary>
internal static class ApplicationMapper
{
    public static bool Apply(ApplicationOptions source, Application target)
    {
        var changed = false;
        Set(target.Environment, source.Environment, v => target.Environment = v, ref changed);
        Set(target.RepositoryUrl, source.Repository, v => target.RepositoryUrl = v, ref changed);
        Set(target.Branch, source.Branch, v => target.Branch = v, ref changed);
        Set(target.Path, source.Path, v => target.Path = v, ref changed);
        Set(target.ValuesFile, source.ValuesFile, v => target.ValuesFile = v, ref changed);
        Set(target.ImageTagPath, source.ImageTagPath, v => target.ImageTagPath = v, ref changed);
        Set(target.ImageRepository, source.ImageRepository, v => target.ImageRepository = v, ref changed);
        Set(target.Cluster, source.Cluster, v => target.Cluster = v, ref changed);
        Set(target.Namespace, source.Namespace ?? source.Name, v => target.Namespace = v, ref changed);
        Set(target.Engine, source.Engine, v => target.Engine = v, ref changed);
        Set(target.Operator, source.Operator, v => target.Operator = v, ref changed);
        Set(target.AutomatedSync, source.SyncPolicy.Automated, v => target.AutomatedSync = v, ref changed);
        Set(target.SelfHeal, source.SyncPolicy.SelfHeal, v => target.SelfHeal = v, ref changed);
        Set(target.Prune, source.SyncPolicy.Prune, v => target.Prune = v, ref changed);
        Set(target.RequireApproval, source.RequireApproval, v => target.RequireApproval = v, ref changed);
        Set(target.HealthTimeoutSeconds, source.HealthTimeoutSeconds, v => target.HealthTimeoutSeconds = v, ref changed);
        Set(target.RollbackOnFailure, source.RollbackOnFailure, v => target.RollbackOnFailure = v, ref changed);
        Set(target.WriteBack, source.WriteBack, v => target.WriteBack = v, ref changed);
        var policy = source.ImagePolicy?.ToPolicy();
        if (policy is null ? target.ImagePolicy is not null : !policy.SameAs(target.ImagePolicy))
        {
            target.ImagePolicy = policy;
            changed = true;
        }

        return changed;
    }

    private static void Set<T>(T current, T desired, Action<T> assign, ref bool changed)
    {
        if (!EqualityComparer<T>.Default.Equals(current, desired))
        {
            assign(desired);
            changed = true;
        }
    }
}
