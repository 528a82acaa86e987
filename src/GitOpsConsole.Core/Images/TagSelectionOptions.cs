namespace GitOpsConsole.Core.Images;

/// <summary>What the <see cref="UpdateStrategy.Digest"/> strategy writes.</summary>
public enum DigestValueFormat
{
    /// <summary>
    /// <c>latest@sha256:…</c>: charts that build <c>repository:tag</c> still yield a valid, digest-pinned reference
    /// (<c>nginx:latest@sha256:…</c>), and the file still says which tag is followed. The default.
    /// </summary>
    TagAtDigest,

    /// <summary><c>sha256:…</c> alone, as Argo CD Image Updater writes it; for charts with a separate digest value.</summary>
    DigestOnly,
}

/// <summary>How to pick the update target.</summary>
public sealed record TagSelectionOptions
{
    public UpdateStrategy Strategy { get; init; } = UpdateStrategy.Semver;

    /// <summary>
    /// Semver: a constraint (<c>~1.4</c>, <c>^1.2</c>, <c>&gt;=1.2 &lt;2.0</c>, <c>1.x</c>, <c>1.2.3</c>; <c>1.x-0</c> admits prereleases).
    /// Digest: the tag to follow (required). Ignored by the other strategies.
    /// </summary>
    public string? Constraint { get; init; }

    /// <summary>When set, only tags this regular expression matches (anywhere in the tag; anchor it with ^…$) are considered.</summary>
    public string? AllowTags { get; init; }

    /// <summary>Tags any of these regular expressions match are never considered.</summary>
    public IReadOnlyList<string> IgnoreTags { get; init; } = [];

    public DigestValueFormat DigestFormat { get; init; } = DigestValueFormat.TagAtDigest;
}
