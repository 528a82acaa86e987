using LibGit2Sharp;

namespace GitOpsConsole.Integrations.Git;

/// <inheritdoc />
public sealed class GitReader(GitMirrorCache mirrors) : IGitReader
{
    public Task<string> ResolveAsync(string app, string revision, CancellationToken cancellationToken = default) =>
        mirrors.RunAsync(app, s => RevisionResolver.Resolve(s, revision).Sha, cancellationToken);

    public Task<byte[]> ReadFileAsync(string app, string revision, string path, CancellationToken cancellationToken = default)
    {
        var file = RepositoryPath.File(path);
        return mirrors.RunAsync(app, s =>
        {
            var commit = RevisionResolver.Resolve(s, revision);
            return TreeReader.ReadFile(commit, file)
                ?? throw s.Fail($"There is no file '{file}' at {revision} ({commit.Sha[..7]}) in {s.Describe}", null);
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, byte[]>> ReadFolderAsync(string app, string revision, string folder, CancellationToken cancellationToken = default)
    {
        var normalized = RepositoryPath.Folder(folder);
        return mirrors.RunAsync<IReadOnlyDictionary<string, byte[]>>(app, s =>
        {
            var commit = RevisionResolver.Resolve(s, revision);
            return TreeReader.ReadFolder(commit, normalized)
                ?? throw s.Fail($"There is no folder '{normalized}' at {revision} ({commit.Sha[..7]}) in {s.Describe}", null);
        }, cancellationToken);
    }

    public Task<string> DiffAsync(string app, string fromRevision, string toRevision, string? path = null, CancellationToken cancellationToken = default)
    {
        var limit = path is null ? null : RepositoryPath.Folder(path);
        return mirrors.RunAsync(app, s =>
        {
            var from = RevisionResolver.Resolve(s, fromRevision);
            var to = RevisionResolver.Resolve(s, toRevision);
            string[]? paths = string.IsNullOrEmpty(limit) ? null : [limit];
            using var patch = s.Repository.Diff.Compare<Patch>(from.Tree, to.Tree, paths, new CompareOptions { ContextLines = 3 });
            return patch.Content;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<GitCommitInfo>> ListCommitsAsync(string app, string fromRevision, string toRevision, CancellationToken cancellationToken = default) =>
        mirrors.RunAsync<IReadOnlyList<GitCommitInfo>>(app, s =>
        {
            var from = RevisionResolver.Resolve(s, fromRevision);
            var to = RevisionResolver.Resolve(s, toRevision);
            var filter = new CommitFilter
            {
                IncludeReachableFrom = to,
                ExcludeReachableFrom = from,
                SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
            };
            return [.. s.Repository.Commits.QueryBy(filter).Select(c => c.ToInfo())];
        }, cancellationToken);

    public Task<GitCommitInfo?> FindCommitByTrailersAsync(string app, string branch, IReadOnlyList<GitTrailer> trailers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        return mirrors.RunAsync(app, s =>
        {
            // A resumed run asks this to decide whether its step already happened, so it must see the remote now.
            s.Fetch();
            var tip = s.RequireTip(BranchName.Validate(branch));
            return TrailerSearch.Find(s.Repository, tip, trailers, s.Options.TrailerSearchDepth)?.ToInfo();
        }, cancellationToken);
    }
}
