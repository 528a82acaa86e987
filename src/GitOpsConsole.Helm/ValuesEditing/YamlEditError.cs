namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>Why an edit was refused; callers branch on this rather than on message text.</summary>
public enum YamlEditError
{
    /// <summary>The file is not valid YAML (or not valid UTF-8).</summary>
    InvalidYaml,

    /// <summary>The YAML path itself is malformed.</summary>
    InvalidPath,

    /// <summary>A path segment names a key or index that does not exist.</summary>
    PathNotFound,

    /// <summary>The path ends on a mapping or sequence.</summary>
    NotAScalar,

    /// <summary>The path ends on a literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar.</summary>
    BlockScalar,

    /// <summary>The path crosses an alias or an anchored node that aliases refer to.</summary>
    AnchorOrAlias,

    /// <summary>The file holds several documents and no document index was given.</summary>
    MultipleDocuments,

    /// <summary>A mapping on the path holds the same key more than once.</summary>
    DuplicateKey,

    /// <summary>The new value cannot be written with the requested meaning.</summary>
    InvalidValue,
}
