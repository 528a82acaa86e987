using GitOpsConsole.Sandbox.Git;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Sandbox;

public sealed class SandboxWorldOptions
{
    /// <summary>The console's data folder; the sandbox lives in its <c>sandbox/</c> subfolder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>
    /// Loopback port of the registry; 0 picks a free one. Seeded values files name the port of the
    /// first start, so a fixed port keeps them literally right (lookups ignore the host either way).
    /// </summary>
    public int RegistryPort { get; init; }

    /// <summary>
    /// Loopback port for smart-HTTP clone/push (<c>git http-backend</c>, needs the git CLI); null
    /// leaves it off, 0 picks a free port. File-path clone URLs work either way.
    /// </summary>
    public int? GitHttpPort { get; init; }

    public int MaxConcurrentBuilds { get; init; } = 2;

    /// <summary>Registry webhook receivers, e.g. the console's <c>/webhooks/registry</c>.</summary>
    public IReadOnlyList<Uri> NotificationEndpoints { get; init; } = [];

    /// <summary>Build every pushed commit, as a CI service with a push trigger does.</summary>
    public bool BuildOnPush { get; init; } = true;

    public IReadOnlyList<SeedApplication> Applications { get; init; } = SeedApplication.Defaults;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
