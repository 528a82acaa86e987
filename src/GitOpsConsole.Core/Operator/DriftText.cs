using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>One line that names a finding for the audit log and notifications.</summary>
public static class DriftText
{
    public static string Describe(DriftFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var resource = new ResourceKey(finding.Group, finding.Kind, finding.Namespace, finding.Name);
        return finding.Path.Length == 0
            ? $"{resource} (missing)"
            : $"{resource} {finding.Path} ({finding.Live ?? "absent"} → {finding.Desired})";
    }
}
