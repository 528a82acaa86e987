using System.Text.Json;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>Reads GitHub webhook deliveries (X-GitHub-Event + JSON body) into events.</summary>
public static class GitHubWebhookParser
{
    public static WebhookParseResult Parse(string? eventName, string? deliveryId, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrWhiteSpace(eventName))
        {
            return WebhookParseResult.Malformed("the X-GitHub-Event header is missing");
        }

        if (string.IsNullOrWhiteSpace(deliveryId))
        {
            return WebhookParseResult.Malformed("the X-GitHub-Delivery header is missing");
        }

        return JsonFields.ReadObject(body, root => Read(eventName, deliveryId, root));
    }

    private static WebhookParseResult Read(string eventName, string deliveryId, JsonElement root)
    {
        var repository = root.Text("repository", "clone_url") ?? root.Text("repository", "html_url");
        return eventName switch
        {
            "ping" => WebhookParseResult.Ping(root.Text("zen") ?? "pong"),
            "push" => Push(deliveryId, root, repository),
            "pull_request" => PullRequest(deliveryId, root, repository),
            "release" => Release(deliveryId, root, repository),
            "workflow_run" => GitHubWorkflowRunParser.Read(root),
            "registry_package" => Package(deliveryId, root, root.TryGetProperty("registry_package", out var p) ? p : default),
            "package" => Package(deliveryId, root, root.TryGetProperty("package", out var q) ? q : default),
            _ => WebhookParseResult.Unsupported($"GitHub '{eventName}' events are not used for deployments"),
        };
    }

    private static WebhookParseResult Push(string deliveryId, JsonElement root, string? repository)
    {
        var reference = root.Text("ref");
        if (reference is null || repository is null)
        {
            return WebhookParseResult.Malformed("a push needs 'ref' and 'repository'");
        }

        var deleted = root.Flag("deleted");
        return WebhookParseResult.Of(new IncomingEvent(
            TriggerKind.Push, EventSources.GitHub, deliveryId, repository, reference,
            CommitSha: deleted ? null : root.Text("after"),
            Author: root.Text("head_commit", "author", "name") ?? root.Text("pusher", "name"),
            Message: root.Text("head_commit", "message"),
            IgnoreReason: deleted ? $"{reference} was deleted" : null));
    }

    private static WebhookParseResult PullRequest(string deliveryId, JsonElement root, string? repository)
    {
        var action = root.Text("action");
        var reference = root.Text("pull_request", "head", "ref");
        if (repository is null || reference is null)
        {
            return WebhookParseResult.Malformed("a pull_request needs 'repository' and 'pull_request.head.ref'");
        }

        return WebhookParseResult.Of(new IncomingEvent(
            TriggerKind.PullRequest, EventSources.GitHub, deliveryId, repository, "refs/heads/" + reference,
            CommitSha: root.Text("pull_request", "head", "sha"),
            Author: root.Text("pull_request", "user", "login"),
            Message: $"#{root.Text("number")} {root.Text("pull_request", "title")}",
            IgnoreReason: action is "opened" or "synchronize" or "reopened" ? null : $"pull request {action}"));
    }

    /// <summary>
    /// A published release of a source repository is an image release of its tag (docs/integrations.md says why). GitHub sends
    /// <c>published</c> and <c>released</c> for one release, so the release's id is the dedupe key of a deployable one: the
    /// second is a duplicate, while a prerelease promoted later (only <c>released</c>) still deploys.
    /// </summary>
    private static WebhookParseResult Release(string deliveryId, JsonElement root, string? repository)
    {
        var tag = root.Text("release", "tag_name");
        var id = root.Text("release", "id");
        if (repository is null || tag is null || id is null)
        {
            return WebhookParseResult.Malformed(repository is null ? "a release needs 'repository.clone_url'" : tag is null ? "a release needs 'release.tag_name'" : "a release needs 'release.id'");
        }

        var action = root.Text("action");
        var ignore = root.GetProperty("release").Flag("draft") ? $"release {tag} is a draft"
            : root.GetProperty("release").Flag("prerelease") ? $"release {tag} is a prerelease; only full releases deploy"
            : action is "published" or "released" ? null
            : $"release {tag} {action}; only a published release deploys";
        return WebhookParseResult.Of(new IncomingEvent(
            TriggerKind.ImageRelease, EventSources.GitHub, ignore is null ? $"release:{id}" : deliveryId, repository,
            "refs/heads/" + (root.Text("release", "target_commitish") ?? "main"),
            Author: root.Text("release", "author", "login"),
            Message: $"release {tag}: {root.Text("release", "name")}",
            Tag: tag,
            IgnoreReason: ignore));
    }

    private static WebhookParseResult Package(string deliveryId, JsonElement root, JsonElement package)
    {
        if (package.ValueKind != JsonValueKind.Object)
        {
            return WebhookParseResult.Malformed("a package event needs its 'package' object");
        }

        var url = package.Text("package_version", "package_url");
        var image = url is null ? null : ImageReference.Parse(url.TrimEnd(':'));
        var tag = package.Text("package_version", "container_metadata", "tag", "name");
        var digest = package.Text("package_version", "container_metadata", "tag", "digest")
            ?? (package.Text("package_version", "name") is { } name && name.StartsWith("sha256:", StringComparison.Ordinal) ? name : null);
        var action = root.Text("action");
        return WebhookParseResult.Of(new IncomingEvent(
            TriggerKind.ImageRelease, EventSources.GitHub, deliveryId,
            Image: image?.Repository, Tag: tag, Digest: digest,
            Author: root.Text("sender", "login"),
            Message: package.Text("package_version", "summary"),
            IgnoreReason: image is null ? "the package has no image URL" : action is "published" or "updated" ? null : $"package {action}"));
    }
}
