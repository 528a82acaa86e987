using GitOpsConsole.Helm.ValuesEditing;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

/// <summary>
/// Thousands of values built from YAML's indicator characters, written into every kind of scalar position: each must
/// read back as exactly the string given, and nothing else in the document may change meaning.
/// </summary>
public sealed class RandomValueTests
{
    private static readonly string[] Pieces =
    [
        "a", "1", "0", ".", ":", " ", "#", "-", "'", "\"", "\\", "\n", "\r\n", "\t", "[", "]", "{", "}", ",", "&", "*", "!", "|",
        ">", "?", "%", "@", "`", "é", "😀", "~", "0x1", "true", "null", " #", ": ", "---", "...", "<<", "\u0085", "\u2028", "\u00a0",
    ];

    public static TheoryData<string, string, object[]> Positions => new()
    {
        { "image:\n  tag: v1 # c\nafter: 1\n", "image.tag", ["image", "tag"] },
        { "image:\n  tag: 'v1'\nafter: 1\n", "image.tag", ["image", "tag"] },
        { "image:\n  tag: \"v1\"\nafter: 1\n", "image.tag", ["image", "tag"] },
        { "args: [v1, keep, {k: v}]\nafter: 1\n", "args[0]", ["args", 0] },
        { "m: {tag: v1, other: 2}\nafter: 1\n", "m.tag", ["m", "tag"] },
        { "m: {tag: , other: 2}\nafter: 1\n", "m.tag", ["m", "tag"] },
        { "list:\n- v1\n- keep\nafter: 1\n", "list[0]", ["list", 0] },
        { "image:\n  tag:\nafter: 1\n", "image.tag", ["image", "tag"] },
        { "tag: !!str v1\nafter: 1\n", "tag", ["tag"] },
        { "v1", "[0]", [] },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public void SetString_RandomIndicatorHeavyValues_ReadBackExactlyAndLeaveTheRestAlone(string yaml, string path, object[] treePath)
    {
        if (treePath.Length == 0)
        {
            // A bare top-level scalar has no path to it; the editor must say so rather than guess.
            Assert.Equal(YamlEditError.PathNotFound, Assert.Throws<YamlEditException>(() => ValuesEditor.SetString(yaml, path, "x")).Error);
            return;
        }

        var random = new Random(20261126);
        var before = YamlTrees.Read(yaml);
        for (var n = 0; n < 1500; n++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var after = ValuesEditor.SetString(yaml, path, value).Text;

            var expected = YamlTrees.With(before, value, treePath);
            Assert.True(YamlTrees.Same(expected, YamlTrees.Read(after)), $"value {Escape(value)} changed the document:\n{after}");
        }
    }

    private static string Escape(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
