using System.Text;
using GitOpsConsole.Helm.ValuesEditing;
using GitOpsConsole.Helm.Yaml;
using YamlDotNet.Core;

namespace GitOpsConsole.Helm.Tests.ValuesEditing;

/// <summary>Edits every editable scalar of every YAML fixture to a new value and back: only its characters may change.</summary>
public sealed class FixtureRoundTripTests
{
    [Fact]
    public void SetScalar_EveryFixtureScalar_ChangesOnlyItsBytesAndRoundTrips()
    {
        Fixtures.Require("helm-scaffold");
        Fixtures.Require("helm-conformance");
        var files = Directory.EnumerateFiles(Fixtures.Path(), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        var (parsed, edited) = (0, 0);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var text = Utf8Text.Decode(bytes);
            IReadOnlyList<YamlSourceNode?> documents;
            try
            {
                documents = YamlSourceReader.Read(text);
            }
            catch (YamlEditException ex)
            {
                // Chart templates are Go templates, not YAML: the editor must refuse them and say where.
                Assert.Equal(YamlEditError.InvalidYaml, ex.Error);
                Assert.True(ex.Line > 0, $"{file}: {ex.Message}");
                continue;
            }

            parsed++;
            for (var doc = 0; doc < documents.Count; doc++)
            {
                foreach (var leaf in SourceScalars.Leaves(documents[doc]).Where(l => IsCandidate(text, l)))
                {
                    edited += RoundTrip(file, bytes, text, leaf, doc) ? 1 : 0;
                }
            }
        }

        Assert.True(parsed >= 10, $"only {parsed} fixture files parsed as YAML");
        Assert.True(edited >= 100, $"only {edited} scalars were round-tripped");
    }

    private static bool IsCandidate(string text, SourceScalars.Leaf leaf)
    {
        var node = leaf.Node;
        var source = text[node.Start..node.End];
        return !leaf.Shared && !node.IsBlock && node.Anchor is null && node.Tag is null && node.Value.Length > 0 &&
               !source.Contains('\n', StringComparison.Ordinal) && KindOf(node) is not null;
    }

    /// <summary>Strings keep being strings, numbers keep being numbers; booleans and nulls are left out.</summary>
    private static ScalarValueKind? KindOf(YamlScalarNode node) =>
        node.Style != ScalarStyle.Plain ? ScalarValueKind.Text : ScalarResolver.Resolve(node.Value, out _) switch
        {
            ScalarResolver.Kind.String => ScalarValueKind.Text,
            ScalarResolver.Kind.Int or ScalarResolver.Kind.Float => ScalarValueKind.Typed,
            _ => null,
        };

    private static bool RoundTrip(string file, byte[] bytes, string text, SourceScalars.Leaf leaf, int doc)
    {
        var kind = KindOf(leaf.Node)!.Value;
        var path = YamlPath.Parse(leaf.Path);
        var options = new YamlEditOptions { DocumentIndex = doc };
        var newValue = new ScalarValue(kind == ScalarValueKind.Typed ? (leaf.Node.Value == "4242" ? "4343" : "4242") : leaf.Node.Value + "-edited", kind);
        var original = new ScalarValue(leaf.Node.Value, kind);
        var where = $"{file} doc {doc} {leaf.Path}";

        YamlEditResult first;
        try
        {
            first = ValuesEditor.SetScalar(bytes, path, newValue, options);
        }
        catch (YamlEditException ex) when (ex.Error == YamlEditError.DuplicateKey)
        {
            return false;
        }

        var edit = Assert.Single(first.Edits);
        Assert.Equal(text[leaf.Node.Start..leaf.Node.End], edit.OldSource);
        AssertOnlyRangeDiffers(bytes, first.ToUtf8Bytes(), text, edit, where);
        Assert.Equal(newValue.Content, ValuesEditor.GetScalar(first.Text, path, options));

        var back = ValuesEditor.SetScalar(first.Text, path, original, options);
        Assert.True(back.Changed, where);
        Assert.True(bytes.AsSpan().SequenceEqual(back.ToUtf8Bytes()), $"{where}: round trip changed the file");
        return true;
    }

    private static void AssertOnlyRangeDiffers(byte[] before, byte[] after, string text, ScalarEdit edit, string where)
    {
        var prefix = Encoding.UTF8.GetByteCount(text.AsSpan(0, edit.Offset));
        var oldLength = Encoding.UTF8.GetByteCount(edit.OldSource);
        var newBytes = Encoding.UTF8.GetBytes(edit.NewSource);
        Assert.True(before.AsSpan(0, prefix).SequenceEqual(after.AsSpan(0, prefix)), $"{where}: bytes before the scalar changed");
        Assert.True(after.AsSpan(prefix, newBytes.Length).SequenceEqual(newBytes), $"{where}: the scalar's new bytes are not where expected");
        Assert.True(before.AsSpan(prefix + oldLength).SequenceEqual(after.AsSpan(prefix + newBytes.Length)), $"{where}: bytes after the scalar changed");
    }
}
