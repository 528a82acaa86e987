using System.Text.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Images;

namespace GitOpsConsole.Core.Ingestion;

/// <summary>
/// The console's own event format, for <c>/webhooks/generic</c> and <c>POST /api/events</c>:
/// <c>{app?, kind: push|image|manual, repository?, ref?, commit?, image?, tag?, digest?, author?, message?, engine?, deliveryId?}</c>.
/// </summary>
public static class GenericEventParser
{
    public static WebhookParseResult Parse(ReadOnlySpan<byte> body, string source, string fallbackDeliveryId) =>
        JsonFields.ReadObject(body, root => Read(root, source, fallbackDeliveryId));

    private static WebhookParseResult Read(JsonElement root, string source, string fallbackDeliveryId)
    {

        TriggerKind? kind = root.Text("kind")?.ToUpperInvariant() switch
        {
            "PUSH" => TriggerKind.Push,
            "IMAGE" => TriggerKind.ImageRelease,
            "MANUAL" => TriggerKind.Manual,
            _ => null,
        };
        if (kind is null)
        {
            return WebhookParseResult.Malformed("'kind' must be push, image or manual");
        }

        DeploymentEngine? engine = null;
        if (root.Text("engine") is { } engineText)
        {
            if (!Enum.TryParse<DeploymentEngine>(engineText, ignoreCase: true, out var parsed))
            {
                return WebhookParseResult.Malformed("'engine' must be Workflow or Agent");
            }

            engine = parsed;
        }

        var app = root.Text("app");
        if (kind == TriggerKind.Manual && app is null)
        {
            return WebhookParseResult.Malformed("a manual event needs 'app'");
        }

        var tag = root.Text("tag");
        if (tag is not null && !OciTag.IsValidTag(tag))
        {
            return WebhookParseResult.Malformed($"'{tag}' is not a valid OCI tag (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')");
        }

        var commit = root.Text("commit");
        if (commit is not null && !IsHex(commit))
        {
            return WebhookParseResult.Malformed($"'{commit}' is not a commit SHA");
        }

        var image = root.Text("image");
        return WebhookParseResult.Of(new IncomingEvent(
            kind.Value, source, root.Text("deliveryId") ?? fallbackDeliveryId,
            Repository: root.Text("repository"), Ref: root.Text("ref"), CommitSha: commit,
            Author: root.Text("author"), Message: root.Text("message"),
            Image: image is null ? null : ImageReference.Parse(image).Repository, Tag: tag, Digest: root.Text("digest"),
            Application: app, Engine: engine));
    }

    private static bool IsHex(string text) => text.Length is >= 7 and <= 64 && text.All(Uri.IsHexDigit);
}
