using System.Text.RegularExpressions;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Sandbox.Git;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>The file edits that make a scenario's conditions real in the application's repository: scenarios are commits.</summary>
internal static partial class ScenarioFiles
{
    /// <summary>Edits for the starting state (before the event).</summary>
    public static IReadOnlyList<FileEdit> Start(ScenarioDefinition scenario) => scenario.Has(ConditionKind.TwoImageFields)
        ? [new FileEdit("chart/values.yaml", text => (text ?? "").TrimEnd('\n') + "\n\n# A sidecar with its own image: a second image block in the same file.\nsidecar:\n  image:\n    repository: 127.0.0.1/log-shipper\n    tag: \"2.4.1\"\n")]
        : [];

    /// <summary>Edits that ride along with the event's commit.</summary>
    public static IReadOnlyList<FileEdit> Event(ScenarioDefinition scenario)
    {
        var edits = new List<FileEdit>();
        if (scenario.Has(ConditionKind.CiFailsFirstAttempt))
        {
            // The marker lives outside the fresh checkout, so the first build of this commit fails and a rebuild passes.
            edits.Add(new FileEdit("ci/fetch-deps.sh", _ => """
                #!/bin/sh
                marker="${TMPDIR:-/tmp}/gitops-scenario-flaky-$GITOPS_REPOSITORY-$GITOPS_COMMIT"
                if [ ! -f "$marker" ]; then
                  touch "$marker"
                  echo "fetching dependencies: connection reset by peer"
                  exit 1
                fi
                echo "dependencies fetched"

                """));
            edits.Add(new FileEdit(".gitops-ci.yaml", text => StepsLine().Replace(text ?? "", "steps:\n  - name: fetch-deps\n    run: sh ci/fetch-deps.sh\n    timeoutSeconds: 60", 1)));
        }

        if (scenario.Has(ConditionKind.ChartVersionBump))
        {
            edits.Add(new FileEdit("chart/Chart.yaml", text => ChartVersion().Replace(text ?? "", "version: 0.2.0", 1)));
        }

        return edits;
    }

    [GeneratedRegex("^steps:", RegexOptions.Multiline)]
    private static partial Regex StepsLine();

    [GeneratedRegex("^version: .*$", RegexOptions.Multiline)]
    private static partial Regex ChartVersion();
}
