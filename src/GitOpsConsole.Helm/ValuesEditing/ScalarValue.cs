namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>How the new value is meant to be read back.</summary>
public enum ScalarValueKind
{
    /// <summary>A string: quoted when writing it plain would make YAML read a number, boolean, null or other structure.</summary>
    Text,

    /// <summary>A number, boolean or null written plain so YAML's implicit typing applies (e.g. <c>replicaCount: 3</c>).</summary>
    Typed,
}

/// <summary>The new content of a scalar: its text and whether it is a string or a YAML-typed value.</summary>
public readonly record struct ScalarValue(string Content, ScalarValueKind Kind)
{
    public static ScalarValue FromString(string content) => new(content ?? throw new ArgumentNullException(nameof(content)), ScalarValueKind.Text);

    public static ScalarValue FromTyped(string content) => new(content ?? throw new ArgumentNullException(nameof(content)), ScalarValueKind.Typed);

    public override string ToString() => Content;
}
