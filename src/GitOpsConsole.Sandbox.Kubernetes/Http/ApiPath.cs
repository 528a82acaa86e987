namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>
/// A resource URL taken apart: /api/v1/... or /apis/{group}/{version}/..., then
/// [namespaces/{ns}/]{resource}[/{name}[/{subresource}]], with the legacy /watch/ prefix noted.
/// </summary>
internal sealed record ApiPath(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource, bool LegacyWatch)
{
    /// <summary>Returns null when the path is not a resource path (discovery paths are handled elsewhere).</summary>
    public static ApiPath? Parse(string path, Func<string, string, string, bool> isResource)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        int rest;
        string group, version;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }
        var tail = segments[rest..];
        var watch = false;
        if (tail.Length > 0 && tail[0] == "watch")
        {
            watch = true;
            tail = tail[1..];
        }
        // namespaces/{ns}/{resource}... unless it is namespaces/{name}/{subresource} of a Namespace.
        if (tail.Length >= 3 && tail[0] == "namespaces" && isResource(group, version, tail[2]))
        {
            return new ApiPath(group, version, tail[1], tail[2], At(tail, 3), At(tail, 4), watch) { Extra = tail.Length > 5 };
        }
        if (tail.Length == 0)
        {
            return null;
        }
        return new ApiPath(group, version, null, tail[0], At(tail, 1), At(tail, 2), watch) { Extra = tail.Length > 3 };
    }

    /// <summary>More segments than any route has: answered with 404.</summary>
    public bool Extra { get; init; }

    private static string? At(string[] segments, int index) => index < segments.Length ? Uri.UnescapeDataString(segments[index]) : null;
}
