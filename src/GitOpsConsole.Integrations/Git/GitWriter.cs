using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <inheritdoc />
public sealed class GitWriter(GitMirrorCache mirrors, TimeProvider time) : IGitWriter
{
    public Task<GitWriteResult> CommitFileChangesAsync(
        string app,
        string branch,
        IReadOnlyDictionary<string, Func<byte[]?, byte[]?>> edits,
        string message,
        GitSignature author,
        IReadOnlyList<GitTrailer> trailers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Count == 0)
        {
            throw new GitOperationException("A file change needs at least one file to edit.");
        }

        var byPath = edits.ToDictionary(e => RepositoryPath.File(e.Key), e => e.Value, StringComparer.Ordinal);
        var fullMessage = GitTrailers.Append(message, trailers);
        BranchName.Validate(branch);
        return mirrors.RunAsync(app, s => PushLoop.Run(s, branch, trailers, "committing", tip =>
        {
            var tree = TreeEditor.Apply(s, branch, tip, byPath);
            return tree is null ? null : Commit(s, fullMessage, author, tree, [tip]);
        }), cancellationToken);
    }

    public Task<GitWriteResult> RevertAsync(
        string app,
        string branch,
        string commit,
        string message,
        GitSignature author,
        IReadOnlyList<GitTrailer> trailers,
        CancellationToken cancellationToken = default)
    {
        BranchName.Validate(branch);

        // Validates message and trailers before the repository is touched; the real message needs the target's SHA.
        GitTrailers.Append(message, trailers);
        return mirrors.RunAsync(app, s => PushLoop.Run(s, branch, trailers, $"reverting {commit}", tip =>
        {
            var target = RevisionResolver.Resolve(s, commit);
            var tree = RevertBuilder.Build(s, branch, tip, target);
            var fullMessage = GitTrailers.Append(RevertBuilder.Message(message, target), trailers);
            return tree is null ? null : Commit(s, fullMessage, author, tree, [tip]);
        }), cancellationToken);
    }

    public Task<GitWriteResult> CreateBranchAndPushAsync(string app, string branch, string fromRevision, CancellationToken cancellationToken = default)
    {
        BranchName.Validate(branch);
        return mirrors.RunAsync(app, s =>
        {
            s.Fetch();
            var start = RevisionResolver.Resolve(s, fromRevision);
            if (s.TipOf(branch) is { } existing)
            {
                return existing.Id == start.Id
                    ? new GitWriteResult(start.Sha, GitWriteOutcome.NoChange)
                    : throw s.Fail($"Branch '{branch}' already exists in {s.Describe} at {existing.Sha[..7]}, not at {start.Sha[..7]}", null);
            }

            return s.TryPush(start, branch)
                ? new GitWriteResult(start.Sha, GitWriteOutcome.Committed)
                : throw s.Fail($"Branch '{branch}' was created in {s.Describe} by someone else while pushing", null);
        }, cancellationToken);
    }

    public Task<GitWriteResult> MergeAsync(
        string app,
        string sourceBranch,
        string targetBranch,
        string message,
        GitSignature author,
        IReadOnlyList<GitTrailer> trailers,
        CancellationToken cancellationToken = default)
    {
        BranchName.Validate(sourceBranch);
        BranchName.Validate(targetBranch);
        var fullMessage = GitTrailers.Append(message, trailers);
        return mirrors.RunAsync(app, s => PushLoop.Run(s, targetBranch, trailers, $"merging '{sourceBranch}'", tip =>
        {
            var source = s.RequireTip(sourceBranch);
            var plan = MergeBuilder.Plan(s, targetBranch, tip, source);
            return plan.MergeTree is { } tree ? Commit(s, fullMessage, author, tree, [tip, source]) : plan.FastForwardTo;
        }), cancellationToken);
    }

    private Commit Commit(MirrorSession session, string message, GitSignature author, Tree tree, Commit[] parents)
    {
        ArgumentNullException.ThrowIfNull(author);
        var signature = new Signature(author.Name, author.Email, time.GetUtcNow());
        return session.Repository.ObjectDatabase.CreateCommit(signature, signature, message, tree, parents, prettifyMessage: false);
    }
}
