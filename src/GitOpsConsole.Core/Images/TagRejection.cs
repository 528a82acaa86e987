namespace GitOpsConsole.Core.Images;

/// <summary>Why a tag was not a candidate.</summary>
public enum TagRejectionKind
{
    InvalidTag,
    NotAllowed,
    Ignored,
    NotSemver,
    Prerelease,
    OutsideConstraint,
    NoCreationTime,
    NotTracked,
    NoDigest,
}

/// <summary>One tag left out, and why.</summary>
public sealed record TagRejection(string Tag, TagRejectionKind Kind, string Reason);
