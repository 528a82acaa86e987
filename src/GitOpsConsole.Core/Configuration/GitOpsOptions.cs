namespace GitOpsConsole.Core.Configuration;

/// <summary>The <c>GitOps</c> configuration section; environment variables <c>GitOps__...</c> override.</summary>
public sealed class GitOpsOptions
{
    public const string SectionName = "GitOps";

    /// <summary>Where the database, sandbox state and generated secrets live; relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public AuthOptions Auth { get; set; } = new();

    public SandboxOptions Sandbox { get; set; } = new();

    public WebhookOptions Webhooks { get; set; } = new();

    public AgentOptions Agent { get; set; } = new();

    /// <summary>Builtin (default) or Helm: render charts by running <c>helm template</c>.</summary>
    public RendererKind Renderer { get; set; } = RendererKind.Builtin;

    /// <summary>The helm binary for <see cref="Renderer"/> = Helm; unset = <c>helm</c> on PATH.</summary>
    public string? HelmPath { get; set; }

    public IngestionOptions Ingestion { get; set; } = new();

    public OperatorOptions Operator { get; set; } = new();

    public List<ApplicationOptions> Applications { get; set; } = [];

    public KubernetesOptions Kubernetes { get; set; } = new();

    public LeaderElectionOptions LeaderElection { get; set; } = new();

    public DatabaseOptions Database { get; set; } = new();

    public ScenarioLabOptions Scenarios { get; set; } = new();

    /// <summary>Registries the image updater lists tags from (the sandbox's own needs no entry).</summary>
    public List<RegistryOptions> Registries { get; set; } = [];

    /// <summary>GitHub's API for applications that use GitHub Actions, GitHub commit statuses or pull requests.</summary>
    public GitHubOptions GitHub { get; set; } = new();

    /// <summary>The Argo CD server of applications with <c>Operator: ArgoCd</c>.</summary>
    public ArgoCdOptions ArgoCd { get; set; } = new();

    /// <summary>The data directory as an absolute path.</summary>
    public string ResolveDataDirectory(string workingDirectory) =>
        Path.GetFullPath(DataDirectory, workingDirectory);
}

public enum AuthMode
{
    /// <summary>Cookie sign-in with a user name and password.</summary>
    Password,

    /// <summary>No sign-in: everyone who can reach the console is Admin. Loopback bindings only.</summary>
    LocalTrust,
}

public sealed class AuthOptions
{
    public AuthMode Mode { get; set; } = AuthMode.Password;

    /// <summary>Failed sign-ins allowed per user name and address before further attempts are refused.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long the failures are remembered and the lock-out lasts.</summary>
    public int LockoutSeconds { get; set; } = 300;

    public int SessionHours { get; set; } = 12;
}

public sealed class SandboxOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Overrides every sandbox image's start-up time; 0 = pods Ready at once; unset = each image's own.</summary>
    public int? PodStartupSeconds { get; set; }

    /// <summary>Loopback port of the Kubernetes API emulator; 0 = any free port (the kubeconfig is rewritten at each start).</summary>
    public int KubernetesPort { get; set; }

    /// <summary>
    /// Loopback port of the OCI registry. Seeded values files name it, so it stays fixed by default;
    /// 0 = any free port.
    /// </summary>
    public int RegistryPort { get; set; } = 5081;

    public int MaxConcurrentBuilds { get; set; } = 2;
}

public sealed class WebhookOptions
{
    /// <summary>HMAC secret GitHub signs deliveries with (X-Hub-Signature-256).</summary>
    public string? GitHubSecret { get; set; }

    /// <summary>HMAC secret for <c>/webhooks/generic</c> (X-Signature-256: sha256=…).</summary>
    public string? GenericSecret { get; set; }

    /// <summary>Bearer token registries must send to <c>/webhooks/registry</c>; empty = none required.</summary>
    public string? RegistryToken { get; set; }

    /// <summary>Accept unsigned GitHub and generic deliveries when no secret is set. Off by default.</summary>
    public bool AllowUnsigned { get; set; }

    /// <summary>Larger bodies are refused with 413 before they are read.</summary>
    public int MaxBodyBytes { get; set; } = 5 * 1024 * 1024;
}

public sealed class AgentOptions
{
    /// <summary>Offline (default), OpenAI, AzureOpenAI or OpenAICompatible.</summary>
    public string Provider { get; set; } = "Offline";

    /// <summary>The model (OpenAI model id, Azure deployment name); unused by Offline.</summary>
    public string? Model { get; set; }

    /// <summary>The service URL: required for AzureOpenAI and OpenAICompatible (e.g. Ollama's <c>http://localhost:11434/v1</c>).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The environment variable holding the API key; keys never live in a committed file.</summary>
    public string ApiKeyEnvironmentVariable { get; set; } = "GITOPS_AGENT_API_KEY";

    /// <summary>Tool calls a run may make before it stops Escalated (HolmesGPT stops at 40).</summary>
    public int MaxSteps { get; set; } = 30;

    /// <summary>Minutes a run may take before it stops Escalated.</summary>
    public int MaxWallTimeMinutes { get; set; } = 30;

    /// <summary>Model tokens a run may spend before it stops Escalated.</summary>
    public long TokenBudget { get; set; } = 200_000;

    /// <summary>Characters of one tool result the model sees; the trace keeps the whole result.</summary>
    public int ToolOutputCap { get; set; } = 8_000;

    /// <summary>Extra regular expressions whose matches are redacted before anything reaches a model.</summary>
    public List<string> RedactPatterns { get; set; } = [];

    /// <summary>Minutes a question waits for an answer before the run takes its default (approvals: reject).</summary>
    public int QuestionTimeoutMinutes { get; set; } = 60;

    /// <summary>Policies per environment name (case-insensitive); prod requires approval unless configured otherwise.</summary>
    public Dictionary<string, AgentPolicyOptions> Policies { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["prod"] = new AgentPolicyOptions { RequireApproval = true },
    };
}

public sealed class OperatorOptions
{
    /// <summary>
    /// How often every application is compared with Git in full (and Git fetched) besides the watches that
    /// react to live changes at once; zero turns the periodic comparison off. Argo CD's default is 3 minutes.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(3);
}
