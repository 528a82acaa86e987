using System.Text.RegularExpressions;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Configuration;

/// <summary>
/// Which Argo CD application each console application is (<c>GitOps:Applications:&lt;i&gt;:ArgoCd:Application</c>,
/// default its own name), and the checks at start: a Kubernetes object name, only with <c>Operator: ArgoCd</c>,
/// and no two console applications on one Argo CD application (their syncs and findings would mix).
/// </summary>
public static partial class ArgoCdApplicationNames
{
    public static string Of(ApplicationOptions app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return string.IsNullOrWhiteSpace(app.ArgoCd.Application) ? app.Name : app.ArgoCd.Application.Trim();
    }

    public static IEnumerable<string> Validate(IReadOnlyList<ApplicationOptions> apps, string key)
    {
        ArgumentNullException.ThrowIfNull(apps);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < apps.Count; i++)
        {
            var app = apps[i];
            var setting = $"{key}:{i}:ArgoCd:Application";
            if (app.ArgoCd.Application is { } named && app.Operator != OperatorKind.ArgoCd)
            {
                yield return $"{setting}: '{named}' is set but {app.Name} uses Operator {app.Operator}; set Operator: ArgoCd or remove the name.";
                continue;
            }

            if (app.Operator != OperatorKind.ArgoCd)
            {
                continue;
            }

            var name = Of(app);
            if (name.Length > 253 || !ObjectName().IsMatch(name))
            {
                yield return $"{setting}: '{name}' is not an Argo CD application name (lower-case letters, digits, '-' and '.', at most 253 characters).";
            }
            else if (!seen.TryAdd(name, app.Name))
            {
                yield return $"{setting}: {app.Name} and {seen[name]} both name the Argo CD application '{name}'; each console application needs its own.";
            }
        }
    }

    // Kubernetes' DNS-1123 subdomain, which Argo CD's Application objects are named by.
    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex ObjectName();
}
