using System.Security.Cryptography;
using System.Text.Json;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>
/// Reads registry push notifications: the distribution format (Docker registry, the sandbox,
/// GitLab, Zot…), Docker Hub's webhook and Harbor's. Pulls and deletes are left out.
/// </summary>
public static class RegistryWebhookParser
{
    public static WebhookParseResult Parse(ReadOnlySpan<byte> body)
    {
        // Docker Hub and Harbor send no delivery id; the body's hash stands in for one.
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body))[..32];
        return JsonFields.ReadObject(body, root => Read(root, bodyHash));
    }

    private static WebhookParseResult Read(JsonElement root, string bodyHash)
    {
        if (root.TryGetProperty("events", out _))
        {
            return Distribution(root);
        }

        if (root.TryGetProperty("push_data", out _))
        {
            return DockerHub(root, bodyHash);
        }

        if (root.TryGetProperty("event_data", out _))
        {
            return Harbor(root, bodyHash);
        }

        return WebhookParseResult.Malformed("not a distribution, Docker Hub or Harbor notification");
    }

    private static WebhookParseResult Distribution(JsonElement root)
    {
        var events = new List<IncomingEvent>();
        foreach (var item in root.Items("events"))
        {
            if (item.Text("action") != "push" || item.Text("target", "repository") is not { } repository)
            {
                continue;
            }

            var host = item.Text("request", "host");
            events.Add(new IncomingEvent(
                TriggerKind.ImageRelease, EventSources.Registry, item.Text("id") ?? $"{repository}@{item.Text("target", "digest")}",
                Image: host is null ? repository : $"{host}/{repository}",
                Tag: item.Text("target", "tag"),
                Digest: item.Text("target", "digest"),
                Author: item.Text("actor", "name")));
        }

        return events.Count > 0 ? WebhookParseResult.Of([.. events]) : WebhookParseResult.Unsupported("the notification holds no push");
    }

    private static WebhookParseResult DockerHub(JsonElement root, string bodyHash)
    {
        var name = root.Text("repository", "repo_name");
        if (name is null)
        {
            return WebhookParseResult.Malformed("a Docker Hub notification needs 'repository.repo_name'");
        }

        return WebhookParseResult.Of(new IncomingEvent(
            TriggerKind.ImageRelease, EventSources.Registry, $"dockerhub-{bodyHash}",
            Image: name.Contains('/', StringComparison.Ordinal) ? $"docker.io/{name}" : $"docker.io/library/{name}",
            Tag: root.Text("push_data", "tag"),
            Author: root.Text("push_data", "pusher")));
    }

    private static WebhookParseResult Harbor(JsonElement root, string bodyHash)
    {
        if (root.Text("type") is not ("PUSH_ARTIFACT" or "pushImage"))
        {
            return WebhookParseResult.Unsupported($"Harbor '{root.Text("type")}' events are not pushes");
        }

        var events = root.GetProperty("event_data").Items("resources")
            .Select(r => (Url: r.Text("resource_url"), Tag: r.Text("tag"), Digest: r.Text("digest")))
            .Where(r => r.Url is not null)
            .Select((r, i) => new IncomingEvent(
                TriggerKind.ImageRelease, EventSources.Registry, $"harbor-{bodyHash}-{i}",
                Image: ImageReference.Parse(r.Url!).Repository, Tag: r.Tag, Digest: r.Digest, Author: root.Text("operator")))
            .ToArray();
        return events.Length > 0 ? WebhookParseResult.Of(events) : WebhookParseResult.Malformed("a Harbor push needs 'event_data.resources[].resource_url'");
    }
}
