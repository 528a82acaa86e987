using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Templates;

namespace GitOpsConsole.Helm.Objects;

/// <summary>.Capabilities: the Kubernetes version and API versions a render targets (no cluster is asked).</summary>
internal sealed class CapabilitiesObject(KubeVersionObject kubeVersion, ApiVersionsObject apiVersions) : IHostObject
{
    public string GoTypeName => "*common.Capabilities";

    public bool TryInvoke(string member, IReadOnlyList<object?> args, out object? result)
    {
        result = member switch
        {
            "KubeVersion" => kubeVersion,
            "APIVersions" => apiVersions,
            "HelmVersion" => HelmVersion(),
            _ => null,
        };
        return result is not null;
    }

    private static Dictionary<string, object?> HelmVersion() => new(StringComparer.Ordinal)
    {
        ["Version"] = "v4.0.0",
        ["GitCommit"] = string.Empty,
        ["GitTreeState"] = string.Empty,
        ["GoVersion"] = "go1.25",
    };
}

/// <summary>.Capabilities.KubeVersion with Version, Major, Minor and GitVersion.</summary>
internal sealed class KubeVersionObject : IHostObject
{
    private KubeVersionObject(string version, string major, string minor)
    {
        Version = version;
        Major = major;
        Minor = minor;
    }

    public string Version { get; }

    public string Major { get; }

    public string Minor { get; }

    public string GoTypeName => "common.KubeVersion";

    /// <summary>Accepts what --kube-version accepts: 1.20, v1.20.3, 1.20.0-gke.1 ...</summary>
    public static KubeVersionObject Parse(string text)
    {
        var trimmed = text.Trim();
        var withV = trimmed.StartsWith('v') ? trimmed : "v" + trimmed;
        if (!SemanticVersion.TryParse(withV, out var version))
        {
            throw new ChartRenderException($"invalid kube version '{text}': could not parse a valid version from \"{text}\"");
        }

        var full = version.Parts == 3 || version.Prerelease.Length > 0 ? withV : $"v{version.Major}.{version.Minor}.{version.Patch}";
        return new KubeVersionObject(full, version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture), version.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public bool TryInvoke(string member, IReadOnlyList<object?> args, out object? result)
    {
        result = member switch
        {
            "Version" or "GitVersion" or "String" => Version,
            "Major" => Major,
            "Minor" => Minor,
            _ => null,
        };
        return result is not null;
    }

    public override string ToString() => Version;
}

/// <summary>.Capabilities.APIVersions with its Has method.</summary>
internal sealed class ApiVersionsObject(IReadOnlyCollection<string> versions) : IHostObject
{
    public string GoTypeName => "common.VersionSet";

    public string GoKindName => "slice";

    public bool TryInvoke(string member, IReadOnlyList<object?> args, out object? result)
    {
        if (member != "Has")
        {
            result = null;
            return false;
        }

        if (args.Count != 1)
        {
            throw new FunctionException($"wrong number of args for Has: want 1 got {args.Count}") { IsTypeError = true };
        }

        result = versions.Contains(Args.String(args, 0));
        return true;
    }

    public override string ToString() => "[" + string.Join(' ', versions) + "]";
}
