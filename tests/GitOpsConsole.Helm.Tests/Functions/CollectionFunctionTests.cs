using GitOpsConsole.Helm.Tests.Templates;

namespace GitOpsConsole.Helm.Tests.Functions;

public sealed class CollectionFunctionTests
{
    [Theory]
    [InlineData("{{ list 1 2 3 | first }} {{ list 1 2 3 | last }} {{ list 1 2 3 | rest }} {{ list 1 2 3 | initial }}", "1 3 [2 3] [1 2]")]
    [InlineData("{{ append (list 1) 2 }} {{ prepend (list 1) 0 }} {{ concat (list 1) (list 2 3) }}", "[1 2] [0 1] [1 2 3]")]
    [InlineData("{{ uniq (list 1 1 2) }} {{ has 2 (list 1 2) }} {{ without (list 1 2 3) 2 }}", "[1 2] true [1 3]")]
    [InlineData("{{ compact (list 1 \"\" 0 2) }} {{ reverse (list 1 2 3) }}", "[1 2] [3 2 1]")]
    [InlineData("{{ until 3 }} {{ untilStep 0 10 4 }} {{ seq 3 }} {{ seq 2 4 }}", "[0 1 2] [0 4 8] 1 2 3 2 3 4")]
    [InlineData("{{ $d := dict \"a\" 1 \"b\" 2 }}{{ get $d \"a\" }} {{ hasKey $d \"b\" }} {{ keys $d }} {{ values $d }}", "1 true [a b] [1 2]")]
    [InlineData("{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }} {{ unset $d \"a\" }}", "map[a:1 b:2] map[b:2]")]
    [InlineData("{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}", "[1 3]")]
    [InlineData("{{ pick (dict \"a\" 1 \"b\" 2) \"a\" }} {{ omit (dict \"a\" 1 \"b\" 2) \"a\" }}", "map[a:1] map[b:2]")]
    [InlineData("{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"z\" 2)) }}", "map[a:1 b:3 n:map[x:1 z:2]]")]
    [InlineData("{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 2) }}", "map[a:2]")]
    [InlineData("{{ dig \"a\" \"b\" \"none\" (dict \"a\" (dict \"b\" 7)) }} {{ dig \"a\" \"z\" \"none\" (dict \"a\" (dict \"b\" 7)) }}", "7 none")]
    [InlineData("{{ $c := deepCopy (dict \"a\" (list 1)) }}{{ $c }}", "map[a:[1]]")]
    public void Execute_CollectionFunction_MatchesSprig(string text, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render(text));
    }

    [Theory]
    [InlineData("{{ default \"d\" \"\" }} {{ default \"d\" \"v\" }} {{ default \"d\" .Values.missing }}", "d v d")]
    [InlineData("{{ empty 0 }} {{ empty (list) }} {{ empty \"x\" }}", "true true false")]
    [InlineData("{{ coalesce \"\" 0 \"first\" \"second\" }}", "first")]
    [InlineData("{{ ternary \"yes\" \"no\" true }} {{ true | ternary \"yes\" \"no\" }}", "yes yes")]
    public void Execute_DefaultFunction_MatchesSprig(string text, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render(text, TemplateHarness.Values("a: 1")));
    }

    [Theory]
    [InlineData("{{ int \"42\" }} {{ int64 3.9 }} {{ float64 \"1.5\" }} {{ atoi \"12\" }}", "42 3 1.5 12")]
    [InlineData("{{ int \"0x1F\" }} {{ int \"017\" }} {{ int \"-5\" }} {{ int \"junk\" }}", "31 15 -5 0")]
    [InlineData("{{ kindOf (list) }} {{ kindOf (dict) }} {{ kindOf \"s\" }} {{ kindIs \"bool\" true }}", "slice map string true")]
    [InlineData("{{ typeOf 1.5 }} {{ typeIs \"string\" \"x\" }}", "float64 true")]
    [InlineData("{{ toStrings (list 1 \"a\") }}", "[1 a]")]
    [InlineData("{{ add 1 2 3 }} {{ add1 1 }} {{ sub 5 2 }} {{ mul 2 3 }} {{ div 7 2 }} {{ mod 7 2 }}", "6 2 3 6 3 1")]
    [InlineData("{{ max 1 5 3 }} {{ min 4 2 }} {{ floor 1.7 }} {{ ceil 1.2 }} {{ round 2.555 2 }}", "5 2 1 2 2.56")]
    [InlineData("{{ add .Values.port 1 }}", "8081")]
    public void Execute_ConversionAndMath_MatchSprig(string text, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render(text, TemplateHarness.Values("port: 8080")));
    }

    [Theory]
    [InlineData("{{ toYaml .Values.m }}", "a: 1\nb:\n- x\n- z")]
    [InlineData("{{ toJson .Values.m }}", "{\"a\":1,\"b\":[\"x\",\"z\"]}")]
    [InlineData("{{ (fromYaml \"k: v\").k }}", "v")]
    [InlineData("{{ (fromJson \"{\\\"k\\\": 2}\").k }}", "2")]
    [InlineData("{{ fromYamlArray \"- 1\\n- 2\" }}", "[1 2]")]
    [InlineData("{{ fromJsonArray \"[1,2]\" }}", "[1 2]")]
    [InlineData("{{ (fromYaml \"a: [\").Error | contains \"error converting YAML to JSON\" }}", "true")]
    [InlineData("{{ lookup \"v1\" \"Pod\" \"ns\" \"name\" }}", "map[]")]
    [InlineData("{{ fromYaml \"- a\\n- b\" }}", "map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]")]
    [InlineData("{{ fromYamlArray \"k: v\" }}", "[error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}]")]
    [InlineData("{{ fromYamlArray \"[a, 2, {k: v}]\" }}", "[a 2 map[k:v]]")]
    [InlineData("{{ fromJson \"[1]\" }}", "map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]")]
    [InlineData("{{ fromJsonArray \"{}\" }}", "[json: cannot unmarshal object into Go value of type []interface {}]")]
    public void Execute_HelmConversions_MatchHelm(string text, string expected)
    {
        Assert.Equal(expected, TemplateHarness.Render(text, TemplateHarness.Values("m: {b: [x, z], a: 1}")));
    }
}
