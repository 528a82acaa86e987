using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Data.Runs;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>
/// Follows a twin's run through the run feed: each change of the twin's application re-reads its newest run.
/// A run waiting for a person gets the scenario's scripted answers; settled means ended, or waiting for a question
/// no script answers (a person answers it in the chat panel).
/// </summary>
internal sealed class RunWatch(RunFeed feed, RunQuery runs, ScriptedAnswerer answerer)
{
    public async Task<Run> SettledAsync(ScenarioDefinition scenario, string application, FiredEvent fired, Func<Run, Task> onChange, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Not disposed: the feed may call the subscriber once more after it unsubscribed.
        var changed = new SemaphoreSlim(0);
        using var subscription = feed.Subscribe(c =>
        {
            if (c.Application == application)
            {
                changed.Release();
            }
        });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        Run? latest = null;
        try
        {
            while (true)
            {
                // The run of this event, not whatever else the application's history holds.
                latest = (await runs.PageAsync(new RunFilter(Application: application), 0, 20, limit.Token)).Items.FirstOrDefault(r => fired.Started(r.Trigger))?.Run;
                if (latest is not null)
                {
                    latest = (await runs.GetAsync(latest.Id, limit.Token))!.Run;
                    await onChange(latest);
                    var settled = latest.Status switch
                    {
                        RunStatus.Queued or RunStatus.Running => false,
                        RunStatus.WaitingForInput => await answerer.WaitsOnAPersonAsync(scenario, latest, limit.Token),
                        _ => true,
                    };
                    if (settled)
                    {
                        return latest;
                    }
                }

                // The feed wakes us; the second bound only guards against a change published between read and wait.
                await changed.WaitAsync(TimeSpan.FromSeconds(1), limit.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(latest is null
                ? $"No run of {application} started within {timeout.TotalSeconds:0} s of the event."
                : $"The run {latest.Id} of {application} was still {latest.Status} after {timeout.TotalSeconds:0} s.");
        }
    }
}
