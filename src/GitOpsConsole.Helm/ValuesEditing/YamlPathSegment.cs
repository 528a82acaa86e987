using System.Buffers;

namespace GitOpsConsole.Helm.ValuesEditing;

/// <summary>One step of a YAML path: a mapping key or a sequence index.</summary>
public readonly record struct YamlPathSegment(string? Key, int Index)
{
    private static readonly SearchValues<char> Special = SearchValues.Create(".[]\"'\\");

    public bool IsIndex => Key is null;

    public static YamlPathSegment ForKey(string key) => new(key, -1);

    public static YamlPathSegment ForIndex(int index) => new(null, index);

    public override string ToString() =>
        Key is null ? $"[{Index}]" : NeedsQuotes(Key) ? "\"" + Key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : Key;

    private static bool NeedsQuotes(string key) => key.Length == 0 || key.AsSpan().IndexOfAny(Special) >= 0;
}
