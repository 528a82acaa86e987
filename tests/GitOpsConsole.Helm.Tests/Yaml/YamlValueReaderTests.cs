using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Tests.Yaml;

public sealed class YamlValueReaderTests
{
    [Fact]
    public void ReadMap_Numbers_BecomeFloat64LikeHelm()
    {
        var values = YamlValueReader.ReadMap("i: 80\nh: 0x10\nf: 1.5");

        Assert.Equal(80.0, values["i"]);
        Assert.Equal(16.0, values["h"]);
        Assert.Equal(1.5, values["f"]);
    }

    [Fact]
    public void ReadMap_Yaml11Booleans_AreBooleans()
    {
        var values = YamlValueReader.ReadMap("a: yes\nb: off\nc: 'yes'");

        Assert.Equal(true, values["a"]);
        Assert.Equal(false, values["b"]);
        Assert.Equal("yes", values["c"]);
    }

    [Fact]
    public void ReadMap_AnchorsAndMergeKeys_AreResolved()
    {
        var values = YamlValueReader.ReadMap("base: &b {x: 1}\nderived:\n  <<: *b\n  z: 2\nalias: *b");

        var derived = Assert.IsType<Dictionary<string, object?>>(values["derived"]);
        Assert.Equal(1.0, derived["x"]);
        Assert.Equal(2.0, derived["z"]);
        Assert.Equal(1.0, Assert.IsType<Dictionary<string, object?>>(values["alias"])["x"]);
    }

    [Fact]
    public void ReadMap_Timestamps_StayStrings()
    {
        Assert.Equal("2024-01-02", YamlValueReader.ReadMap("d: 2024-01-02")["d"]);
    }

    [Fact]
    public void ReadMap_EmptyDocument_IsEmptyMap()
    {
        Assert.Empty(YamlValueReader.ReadMap("# only a comment\n"));
    }

    [Fact]
    public void ReadMap_ListDocument_IsAnError()
    {
        Assert.Throws<YamlFormatException>(() => YamlValueReader.ReadMap("- a\n- b"));
    }

    [Fact]
    public void ReadMap_InvalidYaml_ReportsLine()
    {
        var ex = Assert.Throws<YamlFormatException>(() => YamlValueReader.ReadMap("a: 1\nb: [unclosed\n"));

        Assert.StartsWith("error converting YAML to JSON: yaml: line 3:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMap_DuplicateKeys_LastOneWinsLikeGoYamlV2()
    {
        Assert.Equal(2.0, YamlValueReader.ReadMap("a: 1\na: 2")["a"]);
    }

    [Fact]
    public void ReadMap_GarbageAfterRootNode_IsAnError()
    {
        Assert.Throws<YamlFormatException>(() => YamlValueReader.ReadMap("a: 1\n]"));
    }
}
