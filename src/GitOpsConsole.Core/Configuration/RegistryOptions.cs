namespace GitOpsConsole.Core.Configuration;

/// <summary>One entry of <c>GitOps:Registries</c>: an OCI registry the image updater reads tags from.</summary>
public sealed class RegistryOptions
{
    /// <summary>The host images name, e.g. <c>ghcr.io</c>, <c>docker.io</c>, <c>harbor.example.com</c>.</summary>
    public string Host { get; set; } = "";

    /// <summary>The API address when it is not <c>https://&lt;Host&gt;</c> (Docker Hub's is <c>https://registry-1.docker.io</c>).</summary>
    public string? ApiUrl { get; set; }

    /// <summary>The user name for the token service; empty = anonymous pulls.</summary>
    public string? Username { get; set; }

    /// <summary>The environment variable holding the password or token (GHCR: a token with read:packages).</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>Requests per second to this registry (Argo CD Image Updater's default is 20).</summary>
    public double RequestsPerSecond { get; set; } = 20;

    /// <summary>How long tag lists and digests are served from memory before the registry is asked again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxRetries { get; set; } = 4;

    /// <summary>The address the client talks to.</summary>
    public string ResolveApiUrl() =>
        ApiUrl ?? (Host == "docker.io" ? "https://registry-1.docker.io/" : $"https://{Host}/");
}
