using System.Text;
using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;
using GitOpsConsole.Sandbox.Kubernetes.Store;
using Microsoft.AspNetCore.Http;

namespace GitOpsConsole.Sandbox.Kubernetes.Http;

/// <summary>
/// pods/{name}/log: the simulated containers print nothing of their own, so the log narrates what
/// the kubelet did (start, readiness, crash), which is what a user reads logs for in the sandbox.
/// </summary>
internal static class PodLogs
{
    public static async Task WriteAsync(HttpContext http, StoredObject pod, CancellationToken ct)
    {
        var statuses = (pod.Node["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var requested = RequestOptions.Query(http.Request, "container");
        var containers = (pod.Node["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Select(c => Meta.Str(c, "name")).ToList();
        if (requested is null && containers.Count > 1)
        {
            throw ApiException.BadRequest($"a container name must be specified for pod {pod.Name}, choose one of: [{string.Join(' ', containers)}]");
        }
        var name = requested ?? containers.FirstOrDefault() ?? "";
        if (!containers.Contains(name))
        {
            throw ApiException.BadRequest($"container {name} is not valid for pod {pod.Name}");
        }
        var status = statuses.FirstOrDefault(s => Meta.Str(s, "name") == name);
        var previous = RequestOptions.Flag(http.Request, "previous");
        // Like the kubelet, a container waiting to restart after a crash serves the log of the run that crashed.
        var crashLooping = Meta.Str(status?["state"]?["waiting"], "reason") == "CrashLoopBackOff";
        var run = previous || crashLooping ? status?["lastState"]?["terminated"] : status?["state"]?["running"] ?? status?["state"]?["terminated"];
        if (run is null)
        {
            var waiting = Meta.Str(status?["state"]?["waiting"], "reason");
            throw ApiException.BadRequest(previous
                ? $"previous terminated container \"{name}\" in pod \"{pod.Name}\" not found"
                : $"container \"{name}\" in pod \"{pod.Name}\" is waiting to start: {(waiting is "ErrImagePull" or "ImagePullBackOff" ? "trying and failing to pull image" : "ContainerCreating")}");
        }
        var image = Meta.Str(status, "image");
        var text = new StringBuilder();
        text.Append(Meta.Str(run, "startedAt")).Append(" starting ").Append(name).Append(" from ").Append(image).Append('\n');
        if (!previous && !crashLooping && status?["ready"]?.GetValue<bool>() == true)
        {
            text.Append(Meta.Str(run, "startedAt")).Append(" ready: startup finished, serving\n");
        }
        if (Meta.Str(run, "finishedAt") is { } finished)
        {
            var exit = Meta.Long(run["exitCode"]);
            text.Append(finished).Append(exit == 0 ? " finished successfully\n" : $" error: process exited with code {exit}\n");
        }
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync(Tail(text.ToString(), RequestOptions.Long(http.Request, "tailLines")), ct);
    }

    /// <summary>The last <c>tailLines</c> lines; all of them when absent, a negative count is refused as the API server does.</summary>
    private static string Tail(string text, long? tailLines)
    {
        if (tailLines is not { } count)
        {
            return text;
        }

        if (count < 0)
        {
            throw ApiException.BadRequest($"tailLines: Invalid value: \"{count}\": must be greater than or equal to 0");
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return count >= lines.Length ? text : string.Concat(lines[^(int)count..].Select(l => l + "\n"));
    }
}
