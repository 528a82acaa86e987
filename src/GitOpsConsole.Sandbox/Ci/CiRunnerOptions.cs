using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Sandbox.Ci;

public sealed class CiRunnerOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>Builds that run at once; the rest wait as Queued.</summary>
    public int MaxConcurrentBuilds { get; init; } = 2;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
