using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitOpsConsole.Sandbox.Registry;

public sealed class SandboxRegistryOptions
{
    public required string DataDirectory { get; init; }

    /// <summary>Loopback port; 0 picks a free one at start.</summary>
    public int Port { get; init; }

    /// <summary>Where push notifications are POSTed (the console's /webhooks/registry).</summary>
    public IReadOnlyList<Uri> NotificationEndpoints { get; init; } = [];

    public NotificationRetryPolicy NotificationRetry { get; init; } = NotificationRetryPolicy.Default;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
