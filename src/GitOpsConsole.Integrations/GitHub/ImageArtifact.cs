using System.IO.Compression;
using System.Text.Json;
using Octokit;

namespace GitOpsConsole.Integrations.GitHub;

/// <summary>The image a workflow run reports: its artifact (default <c>gitops-image</c>) holding <c>image.json</c>.</summary>
internal sealed record ImageArtifact(string Image, string? Digest)
{
    public static async Task<ImageArtifact?> ReadAsync(IGitHubClient client, GitHubRepository repository, long runId, string name)
    {
        var artifacts = await client.Actions.Artifacts.ListWorkflowArtifacts(repository.Owner, repository.Name, runId);
        var artifact = artifacts.Artifacts.FirstOrDefault(a => a.Name == name && !a.Expired);
        if (artifact is null)
        {
            return null;
        }

        // GitHub answers the download with a redirect to storage; the Authorization header is not sent there.
        await using var zipStream = await client.Actions.Artifacts.DownloadArtifact(repository.Owner, repository.Name, artifact.Id, "zip");
        using var buffer = new MemoryStream();
        await zipStream.CopyToAsync(buffer);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        var entry = zip.GetEntry("image.json")
            ?? throw new InvalidDataException($"Artifact '{name}' of run {runId} in {repository} holds no image.json.");
        await using var json = await entry.OpenAsync();
        using var document = await JsonDocument.ParseAsync(json);
        var root = document.RootElement;
        var image = root.TryGetProperty("image", out var i) ? i.GetString() : null;
        if (string.IsNullOrWhiteSpace(image))
        {
            throw new InvalidDataException($"image.json in artifact '{name}' of run {runId} in {repository} has no \"image\" (repository:tag).");
        }

        return new ImageArtifact(image, root.TryGetProperty("digest", out var d) ? d.GetString() : null);
    }
}
