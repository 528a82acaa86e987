using System.Text.Json.Nodes;
using GitOpsConsole.Sandbox.Kubernetes.Json;

namespace GitOpsConsole.Sandbox.Kubernetes.Controllers;

/// <summary>What happened to one container in one kubelet pass.</summary>
internal sealed record ContainerStep(JsonObject Status, DateTimeOffset? NextDue, IReadOnlyList<(bool Warning, string Reason, string Message)> Events);

/// <summary>
/// The container state machine: pull (or fail to), run, turn ready after the startup time, crash
/// and back off, or stay unready. Pure: time and image behaviour come in, status and events go out.
/// </summary>
internal static class ContainerLifecycle
{
    public static ContainerStep Advance(
        JsonObject container, JsonObject? current, ImageBehavior? behavior, TimeSpan startup, PullState? pull,
        string restartPolicy, string podName, DateTimeOffset now, Action<PullState?> setPull)
    {
        var name = Meta.Str(container, "name") ?? "";
        var image = Meta.Str(container, "image") ?? "";
        var events = new List<(bool, string, string)>();
        var waiting = Meta.Str(current?["state"]?["waiting"], "reason");
        var running = current?["state"]?["running"] as JsonObject;
        var stale = current is not null && Meta.Str(current, "image") != image;
        if (current is null || stale || (waiting is "ErrImagePull" or "ImagePullBackOff" && (pull is null || now >= pull.RetryAt)))
        {
            return Pull(name, image, behavior, startup, pull, now, setPull, current, events);
        }
        if (waiting == "ErrImagePull" && now >= pull!.BackOffAt)
        {
            events.Add((false, "BackOff", $"Back-off pulling image \"{image}\""));
            events.Add((true, "Failed", "Error: ImagePullBackOff"));
            return new(Status(name, image, current!, Waiting("ImagePullBackOff", $"Back-off pulling image \"{image}\""), false), pull.RetryAt, events);
        }
        if (waiting is "ErrImagePull" or "ImagePullBackOff")
        {
            return new(current!, waiting == "ErrImagePull" ? pull!.BackOffAt : pull!.RetryAt, events);
        }
        var restarts = Meta.Long(current!["restartCount"]);
        if (waiting == "CrashLoopBackOff")
        {
            var finished = Meta.ParseTime(current["lastState"]?["terminated"]?["finishedAt"]) ?? now;
            var due = finished + Backoff.For(restarts);
            if (now < due)
            {
                return new(current, due, events);
            }
            events.Add((false, "Pulled", $"Container image \"{image}\" already present on machine"));
            events.Add((false, "Created", $"Created container: {name}"));
            events.Add((false, "Started", $"Started container {name}"));
            var restarted = Status(name, image, current, Running(now), false);
            restarted["restartCount"] = restarts + 1;
            return new(restarted, now + startup, events);
        }
        if (running is null)
        {
            return new(current, null, events);
        }
        var startedAt = Meta.ParseTime(running["startedAt"]) ?? now;
        var settled = now >= startedAt + startup;
        var runtime = behavior?.Runtime ?? ImageRuntime.Starts;
        if (!settled || runtime == ImageRuntime.Unready)
        {
            return new(current, settled ? null : startedAt + startup, events);
        }
        if (runtime == ImageRuntime.Starts && restartPolicy == "Always")
        {
            return new(Status(name, image, current, new JsonObject { ["running"] = running.DeepClone() }, ready: true), null, events);
        }
        var exitCode = runtime == ImageRuntime.Starts ? 0 : 1;
        var terminated = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = exitCode == 0 ? "Completed" : "Error",
            ["startedAt"] = Meta.Timestamp(startedAt),
            ["finishedAt"] = Meta.Timestamp(now),
        };
        if (exitCode == 0 || restartPolicy == "Never")
        {
            return new(Status(name, image, current, new JsonObject { ["terminated"] = terminated }, false), null, events);
        }
        var backoff = Backoff.For(restarts);
        events.Add((true, "BackOff", $"Back-off restarting failed container {name} in pod {podName}"));
        var crashed = Status(name, image, current, Waiting("CrashLoopBackOff",
            $"back-off {Http.Duration.Human(backoff)} restarting failed container={name} pod={podName}"), false);
        crashed["lastState"] = new JsonObject { ["terminated"] = terminated };
        return new(crashed, now + backoff, events);
    }

    private static ContainerStep Pull(string name, string image, ImageBehavior? behavior, TimeSpan startup, PullState? pull,
        DateTimeOffset now, Action<PullState?> setPull, JsonObject? current, List<(bool, string, string)> events)
    {
        events.Add((false, "Pulling", $"Pulling image \"{image}\""));
        if (behavior is null)
        {
            var attempts = (pull?.Attempts ?? 0) + 1;
            var next = new PullState(attempts, now + TimeSpan.FromSeconds(1), now + Backoff.For(attempts - 1));
            setPull(next);
            var message = $"Failed to pull image \"{image}\": rpc error: code = NotFound desc = failed to pull and unpack image \"{image}\": not found";
            events.Add((true, "Failed", message));
            events.Add((true, "Failed", "Error: ErrImagePull"));
            return new(Status(name, image, current, Waiting("ErrImagePull", message), false), next.BackOffAt, events);
        }
        setPull(null);
        events.Add((false, "Pulled", $"Successfully pulled image \"{image}\""));
        events.Add((false, "Created", $"Created container: {name}"));
        events.Add((false, "Started", $"Started container {name}"));
        return new(Status(name, image, current, Running(now), false), now + startup, events);
    }

    private static JsonObject Waiting(string reason, string message) =>
        new() { ["waiting"] = new JsonObject { ["reason"] = reason, ["message"] = message } };

    private static JsonObject Running(DateTimeOffset now) =>
        new() { ["running"] = new JsonObject { ["startedAt"] = Meta.Timestamp(now) } };

    private static JsonObject Status(string name, string image, JsonObject? current, JsonNode state, bool ready)
    {
        var status = new JsonObject
        {
            ["name"] = name,
            ["image"] = image,
            ["imageID"] = "sandbox.local/" + image,
            ["containerID"] = "containerd://" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + image)))[..32].ToLowerInvariant(),
            ["ready"] = ready,
            ["started"] = state["running"] is not null,
            ["restartCount"] = Meta.Long(current?["restartCount"]),
            ["state"] = state,
        };
        if (current?["lastState"] is JsonObject last && last.Count > 0)
        {
            status["lastState"] = last.DeepClone();
        }
        else
        {
            status["lastState"] = new JsonObject();
        }
        return status;
    }
}
