using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Agent.Policies;
using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Runs;

namespace GitOpsConsole.Core.Workflow;

/// <summary>
/// The workflow's mutating steps checked against policy by the same code as the agent's calls (<see cref="AgentPolicy"/>):
/// inside a freeze window a step asks for approval or waits for the window's end; an application that needs
/// approval asks before each change. A rejection ends the run Failed before the step runs, so nothing changes.
/// </summary>
public sealed class WorkflowPolicy(PolicyBook policies, IQuestionService questions, TimeProvider time)
{
    public IStepGate For(Run run, Application app, IRunJournal journal) => new Gate(policies, questions, time, run, app, journal);

    private sealed class Gate(PolicyBook policies, IQuestionService questions, TimeProvider time, Run run, Application app, IRunJournal journal) : IStepGate
    {
        public async Task ClearAsync(GatedStep step, CancellationToken cancellationToken)
        {
            var call = new PolicyCall(app, step.Tool, step.Tool.Replace('.', '_'), true, [], $"{step.Tool}: {step.Summary}");
            while (true)
            {
                var verdict = AgentPolicy.Check(call, policies.ForWorkflow(app), time.GetUtcNow());
                switch (verdict.Decision)
                {
                    case PolicyDecision.Allow:
                        return;
                    case PolicyDecision.Deny:
                        throw new RunStoppedException(new RunOutcome(RunStatus.Escalated, $"Refused by policy: {verdict.Reason}; {call.Action} was not run"));
                    case PolicyDecision.Defer:
                        await WaitingAsync(step, $"Deferred until {verdict.Until:u}: {step.Summary}", cancellationToken);
                        var wait = verdict.Until!.Value - time.GetUtcNow();
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, time, cancellationToken);
                        }

                        continue;
                    default:
                        await ApproveAsync(step, call.Action, verdict, cancellationToken);
                        return;
                }
            }
        }

        private async Task ApproveAsync(GatedStep step, string action, PolicyVerdict verdict, CancellationToken cancellationToken)
        {
            await WaitingAsync(step, $"Waiting for approval: {step.Summary}", cancellationToken);
            var (question, created) = await questions.AskAsync(QuestionRequest.Approval(run.Id, step.Sequence, $"Approve {action}? Policy: {verdict.Reason}."), cancellationToken);
            if (question.Status == QuestionStatus.Open)
            {
                await journal.UpdateRunAsync(run.Id, r => (r.Status, r.QuestionsAsked) = (RunStatus.WaitingForInput, r.QuestionsAsked + (created ? 1 : 0)), cancellationToken);
                question = await questions.WaitAsync(question.Id, cancellationToken);
                await journal.UpdateRunAsync(run.Id, r => r.Status = RunStatus.Running, cancellationToken);
            }

            if (question.Answer != QuestionRequest.Approve)
            {
                throw new RunStoppedException(RunOutcome.Failed($"Not approved: rejected by {AgentHuman.Decider(question)}: {action} was not run and nothing was changed"));
            }
        }

        private async Task WaitingAsync(GatedStep step, string summary, CancellationToken cancellationToken)
        {
            var waiting = await journal.StartStepAsync(step.RunId, step.Sequence, step.Tool, step.InputJson, summary, cancellationToken);
            waiting.Status = StepStatus.Pending;
            await journal.FinishStepAsync(waiting, cancellationToken);
        }
    }
}
