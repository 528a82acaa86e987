namespace GitOpsConsole.Core.Configuration;

/// <summary><c>GitOps:Ingestion</c>: how events reach the console besides webhooks and sandbox pushes.</summary>
public sealed class IngestionOptions
{
    /// <summary>
    /// How often each application's remote (non-sandbox) repository is fetched to notice pushes no webhook
    /// reported; zero turns polling off. Argo CD polls every 120 s plus jitter.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);
}
