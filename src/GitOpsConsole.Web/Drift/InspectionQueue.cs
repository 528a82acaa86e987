using System.Collections.Concurrent;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Web.Operator;

namespace GitOpsConsole.Web.Drift;

/// <summary>
/// Compares an application when the cluster says one of its objects changed. A burst of changes (an apply
/// touches several objects, a rollout updates status many times) collapses: while a comparison runs, further
/// requests for the same application ask for exactly one more afterwards. Applications compare in parallel.
/// Argo CD's applications are compared by Argo CD: they are read from it again instead.
/// </summary>
internal sealed partial class InspectionQueue(OperatorService operatorService, ArgoCdDriftRefresher argoDrift, ApplicationCatalog catalog, ILogger<InspectionQueue> logger)
{
    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    public void Request(string application, CancellationToken cancellationToken)
    {
        var state = _states.GetOrAdd(application, _ => new State());
        lock (state)
        {
            if (state.Running)
            {
                state.Again = true;
                return;
            }

            state.Running = true;
        }

        _ = Task.Run(() => RunAsync(application, state, cancellationToken), cancellationToken);
    }

    private async Task RunAsync(string application, State state, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var app = (await catalog.ListAsync(cancellationToken)).FirstOrDefault(a => a.Name == application);
                if (app?.Operator == Core.Domain.OperatorKind.ArgoCd)
                {
                    argoDrift.Request(application);
                }
                else if (app is not null)
                {
                    await operatorService.InspectAsync(app, fetch: false, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                LogInspectFailed(logger, application, ex);
            }

            lock (state)
            {
                if (!state.Again)
                {
                    state.Running = false;
                    return;
                }

                state.Again = false;
            }
        }
    }

    private sealed class State
    {
        public bool Running { get; set; }
        public bool Again { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comparing {Application} after a live change failed")]
    private static partial void LogInspectFailed(ILogger logger, string application, Exception exception);
}
