using Microsoft.Extensions.Logging;

namespace GitOpsConsole.Integrations.Operator;

internal static partial class OperatorLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of {Application} at {Revision}: {Phase} — {Message}")]
    public static partial void SyncFinished(ILogger logger, string application, string? revision, Core.Operator.SyncPhase phase, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Application}: {Resource} failed: {Message}")]
    public static partial void ObjectFailed(ILogger logger, string application, Core.Operator.ResourceKey resource, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of {Application}: pruned {Resource}")]
    public static partial void Pruned(ILogger logger, string application, Core.Operator.ResourceKey resource);
}
