using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Functions;

/// <summary>semver and semverCompare.</summary>
internal static class SemverFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("semver", 1, (_, a) => SemanticVersion.Parse(Args.String(a, 0)));
        r.Fixed("semverCompare", 2, (_, a) => SemverConstraint.Satisfies(Args.String(a, 0), SemanticVersion.Parse(Args.String(a, 1))));
    }
}
