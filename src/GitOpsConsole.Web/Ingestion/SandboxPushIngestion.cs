using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Ingestion;
using GitOpsConsole.Data.Events;
using GitOpsConsole.Sandbox.Git;
using GitOpsConsole.Web.Leadership;
using GitOpsConsole.Web.Sandbox;

namespace GitOpsConsole.Web.Ingestion;

/// <summary>Turns each push to the sandbox Git host into a recorded event, as a Git host's webhook would.</summary>
internal sealed partial class SandboxPushIngestion(SandboxRuntime runtime, EventStore store, ILogger<SandboxPushIngestion> logger, LeaderGate gate) : LeaderBoundService(gate)
{
    protected override async Task RunAsLeaderAsync(CancellationToken stoppingToken)
    {
        if (!runtime.IsRunning)
        {
            return;
        }

        await foreach (var push in runtime.World!.Pushes.Subscribe(stoppingToken))
        {
            try
            {
                await store.RecordAsync(ToEvent(push), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, push.Repository, push.Ref, ex);
            }
        }
    }

    internal static IncomingEvent ToEvent(GitPush push)
    {
        var head = push.Commits.Count > 0 ? push.Commits[^1] : null;
        return new IncomingEvent(
            TriggerKind.Push, EventSources.Sandbox, $"{push.Repository}:{push.Ref}:{push.After}",
            Repository: "sandbox:" + push.Repository, Ref: push.Ref,
            CommitSha: push.IsDeletion ? null : push.After,
            Author: head?.Author, Message: head?.Message,
            IgnoreReason: push.IsDeletion ? $"{push.Ref} was deleted" : null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the sandbox push to {Repository} {Ref}")]
    private static partial void LogFailed(ILogger logger, string repository, string @ref, Exception exception);
}
