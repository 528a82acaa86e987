using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Toolbox;
using GitOpsConsole.Helm.ValuesEditing;
using GitOpsConsole.Integrations.Git;

namespace GitOpsConsole.Integrations.Deploy;

/// <summary>
/// The pure parts of <c>values.set</c> and <c>chart.bump_version</c>: which file of the chart folder, how a value is
/// typed, and the semver arithmetic. The edit itself is <see cref="ValuesEditor"/>'s, as for image tags.
/// </summary>
internal static partial class ChartEdits
{
    /// <summary>A YAML file of the application's chart folder, as a repository path; anything else is refused.</summary>
    public static string ChartFile(Application app, string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        if (file.StartsWith('/') || file.Contains("..", StringComparison.Ordinal))
        {
            throw new GitOperationException($"'{file}' is not a file of {app.Name}'s chart folder: give a path relative to it, e.g. {app.ValuesFile}.");
        }

        if (!file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            throw new GitOperationException($"'{file}' is not a YAML file (.yaml or .yml); values live in YAML files.");
        }

        return app.Path is "" or "." or "./" ? file : $"{app.Path.TrimEnd('/')}/{file}";
    }

    /// <summary>A YAML 1.2 number, boolean or null stays typed (<c>replicaCount: 3</c>); anything else is a string.</summary>
    public static ScalarValue Typed(string value) =>
        TypedLiteral().IsMatch(value) ? ScalarValue.FromTyped(value) : ScalarValue.FromString(value);

    /// <summary>Edits the scalar of an existing file; the value it had comes back through <paramref name="previous"/>.</summary>
    public static Func<byte[]?, byte[]?> SetScalar(string path, string yamlPath, ScalarValue value, string branch, Action<string> previous) => current =>
    {
        var yaml = current is null
            ? throw new GitOperationException($"{path} does not exist on {branch}.")
            : Encoding.UTF8.GetString(current);
        var parsed = YamlPath.Parse(yamlPath);
        previous(ValuesEditor.GetScalar(yaml, parsed));
        var edited = ValuesEditor.SetScalar(yaml, parsed, value);
        return edited.Changed ? edited.ToUtf8Bytes() : current;
    };

    /// <summary><c>1.4.2</c> bumped: major → 2.0.0, minor → 1.5.0, patch → 1.4.3; a pre-release or build suffix is dropped.</summary>
    public static string Bump(string version, SemverPart part)
    {
        var match = Semver().Match(version ?? "");
        if (!match.Success)
        {
            throw new GitOperationException($"Chart.yaml version '{version}' is not a semantic version (MAJOR.MINOR.PATCH).");
        }

        var (major, minor, patch) = (Number(match, "major"), Number(match, "minor"), Number(match, "patch"));
        return part switch
        {
            SemverPart.Major => $"{major + 1}.0.0",
            SemverPart.Minor => $"{major}.{minor + 1}.0",
            _ => $"{major}.{minor}.{patch + 1}",
        };
    }

    private static long Number(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^v?(?<major>0|[1-9]\d{0,8})\.(?<minor>0|[1-9]\d{0,8})\.(?<patch>0|[1-9]\d{0,8})(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")]
    private static partial Regex Semver();

    [GeneratedRegex(@"^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|~)$")]
    private static partial Regex TypedLiteral();
}
