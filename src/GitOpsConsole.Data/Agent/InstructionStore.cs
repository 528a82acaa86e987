using GitOpsConsole.Core.Agent.Questions;
using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GitOpsConsole.Data.Agent;

/// <summary>Instructions to running agent runs: stored when sent (only to an agent run that has not ended), taken by the run at its next step.</summary>
public sealed class InstructionStore(IDbContextFactory<GitOpsDbContext> dbFactory, QuestionFeed feed, TimeProvider time) : IInstructionInbox
{
    public const int MaxLength = 2000;

    private static readonly RunStatus[] Listening = [RunStatus.Queued, RunStatus.Running, RunStatus.WaitingForInput];

    /// <summary>Stores the instruction, or says why not (empty, too long, no such run, not an agent run, ended).</summary>
    public async Task<(Instruction? Instruction, string? Error)> SendAsync(Guid runId, string? text, string sentBy, CancellationToken cancellationToken = default)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxLength)
        {
            return (null, trimmed.Length == 0 ? "The instruction is empty." : $"The instruction is {trimmed.Length} characters long; at most {MaxLength} are taken.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Engine, r.Status }).FirstOrDefaultAsync(cancellationToken);
        var refusal = run is null ? $"There is no run {runId}."
            : run.Engine != DeploymentEngine.Agent ? "Only agent runs read instructions; the workflow follows its fixed steps."
            : !Listening.Contains(run.Status) ? $"The run has already ended ({run.Status})."
            : null;
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var instruction = new Instruction { RunId = runId, Text = trimmed, SentBy = sentBy.Length <= 128 ? sentBy : sentBy[..128], SentAt = time.GetUtcNow() };
        db.Instructions.Add(instruction);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new QuestionChange(runId, null, null));
        return (instruction, null);
    }

    public async Task<IReadOnlyList<Instruction>> TakeUnreadAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unread = await db.Instructions.Where(i => i.RunId == runId && i.ReadAt == null).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        if (unread.Count == 0)
        {
            return unread;
        }

        var now = time.GetUtcNow();
        unread.ForEach(i => i.ReadAt = now);
        await db.SaveChangesAsync(cancellationToken);
        feed.Publish(new QuestionChange(runId, null, null));
        return unread;
    }

    public async Task<IReadOnlyList<Instruction>> OfRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Instructions.AsNoTracking().Where(i => i.RunId == runId).OrderBy(i => i.Id).ToListAsync(cancellationToken);
    }
}
