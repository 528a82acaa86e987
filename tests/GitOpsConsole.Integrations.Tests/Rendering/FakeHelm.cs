namespace GitOpsConsole.Integrations.Tests.Rendering;

/// <summary>
/// A stand-in for the helm CLI (an outside tool): a shell script that checks it was called as
/// <c>helm template &lt;release&gt; &lt;chart&gt; --namespace &lt;ns&gt; [-f file]… [--include-crds] [--skip-tests]</c>,
/// records its arguments in args.txt, and prints what helm would: "# Source:" documents in helm's order.
/// </summary>
internal sealed class FakeHelm : IDisposable
{
    private const string Script = """
        #!/bin/sh
        printf '%s\n' "$@" > "$(dirname "$0")/args.txt"
        [ "$1" = template ] || { echo "Error: unknown command \"$1\" for \"helm\"" >&2; exit 1; }
        release=$2; chart=$3; shift 3
        [ -f "$chart/Chart.yaml" ] || { echo "Error: path \"$chart\" not found" >&2; exit 1; }
        [ -f "$chart/templates/broken.yaml" ] && { echo 'Error: template: demo/templates/broken.yaml:3:12: executing "demo/templates/broken.yaml" at <.Values.missing.key>: nil pointer evaluating interface {}.key' >&2; echo 'Use --debug flag to render out invalid YAML' >&2; exit 1; }
        ns=default; colour=unset
        while [ $# -gt 0 ]; do
          case "$1" in
            --namespace) ns=$2; shift 2 ;;
            -f) [ -f "$2" ] || { echo "Error: open $2: no such file or directory" >&2; exit 1; }
                colour=$(sed -n 's/^colour: *//p' "$2"); shift 2 ;;
            --include-crds|--skip-tests) shift ;;
            *) echo "Error: unknown flag: $1" >&2; exit 1 ;;
          esac
        done
        cat <<YAML
        {OUTPUT}
        YAML
        """;

    /// <summary>What the script prints by default: four documents, out of install order, one of them a hook.</summary>
    private const string DefaultOutput = """
        ---
        # Source: demo/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: $release
        spec:
          replicas: 1
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: $release-config
          namespace: $ns
        data:
          colour: "$colour"
        ---
        # Source: demo/templates/config.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: $release-extra
        ---
        # Source: demo/templates/job.yaml
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: $release-migrate
          annotations:
            "helm.sh/hook": pre-install
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gitops-fake-helm-");

    /// <param name="output">The YAML to print (a shell here-document: <c>$release</c> and <c>$ns</c> are the arguments given).</param>
    public FakeHelm(string output = DefaultOutput)
    {
        Executable = Path.Combine(_folder.FullName, "helm");
        File.WriteAllText(Executable, Script.Replace("{OUTPUT}", output, StringComparison.Ordinal).ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Executable { get; }

    public string Folder => _folder.FullName;

    /// <summary>The arguments of the last call, one per line as the script wrote them.</summary>
    public IReadOnlyList<string> LastArguments => File.ReadAllLines(Path.Combine(_folder.FullName, "args.txt"));

    public void Dispose() => _folder.Delete(recursive: true);
}
