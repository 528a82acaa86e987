using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Functions;

/// <summary>The functions Helm adds on top of Sprig: include, tpl, YAML/JSON conversion, lookup.</summary>
internal static class HelmFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Fixed("include", 2, (c, a) => c.Executor.Execute(Args.String(a, 0), a[1]));
        r.Fixed("tpl", 2, (c, a) => Tpl(c, Args.String(a, 0), a[1]));
        r.Fixed("toYaml", 1, (_, a) => GoYamlWriter.Serialize(a[0]).TrimEnd('\n'));
        r.Fixed("mustToYaml", 1, (_, a) => GoYamlWriter.Serialize(a[0]).TrimEnd('\n'));
        r.Fixed("fromYaml", 1, (_, a) => FromYaml(Args.String(a, 0)));
        r.Fixed("fromYamlArray", 1, (_, a) => FromYamlArray(Args.String(a, 0)));
        r.Fixed("toJson", 1, (_, a) => GoJsonWriter.Serialize(a[0]));
        r.Fixed("mustToJson", 1, (_, a) => GoJsonWriter.Serialize(a[0]));
        r.Fixed("toPrettyJson", 1, (_, a) => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(GoJsonWriter.Serialize(a[0])).RootElement, PrettyJson));
        r.Fixed("toRawJson", 1, (_, a) => GoJsonWriter.Serialize(a[0]));
        r.Fixed("fromJson", 1, (_, a) => FromJson(Args.String(a, 0)));
        r.Fixed("fromJsonArray", 1, (_, a) => FromJsonArray(Args.String(a, 0)));
        r.Fixed("lookup", 4, (_, _) => ValueTree.NewMap());
        r.Fixed("getHostByName", 1, (_, _) => string.Empty);
    }

    private static readonly System.Text.Json.JsonSerializerOptions PrettyJson = new() { WriteIndented = true };

    /// <summary>Helm parses tpl text in a copy of the template set, under the root template's name.</summary>
    private static string Tpl(CallContext context, string text, object? values)
    {
        var set = context.Executor.Set.Clone();
        ParsedTemplate parsed;
        try
        {
            parsed = Parser.Parse("gotpl", text, set.Functions.Contains);
        }
        catch (TemplateParseException ex)
        {
            throw new FunctionException($"cannot parse template {GoFormat.Quote(text)}: {ex.Message}");
        }

        set.Add(parsed);
        FunctionException failure;
        try
        {
            var output = new Executor(set, context.Executor.Shared, "gotpl").Execute("gotpl", values);
            return output.Replace("<no value>", string.Empty, StringComparison.Ordinal);
        }
        catch (TemplateExecException ex)
        {
            failure = new FunctionException($"error during tpl function execution for {GoFormat.Quote(text)}: {ex.Message}") { UserMessage = ex.UserMessage };
        }

        throw failure;
    }

    private static Dictionary<string, object?> FromYaml(string text)
    {
        try
        {
            return YamlValueReader.ReadMap(text);
        }
        catch (YamlFormatException ex)
        {
            var map = ValueTree.NewMap();
            map["Error"] = ex.Message;
            return map;
        }
    }

    private static List<object?> FromYamlArray(string text)
    {
        try
        {
            return YamlValueReader.ReadFirstDocument(text) switch
            {
                List<object?> list => list,
                null => [],
                var other => ["error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + YamlValueReader.JsonKind(other) + " into Go value of type []interface {}"],
            };
        }
        catch (YamlFormatException ex)
        {
            return [ex.Message];
        }
    }

    private static Dictionary<string, object?> FromJson(string text)
    {
        try
        {
            var value = JsonValueReader.Read(text);
            if (value is Dictionary<string, object?> map)
            {
                return map;
            }

            var error = ValueTree.NewMap();
            error["Error"] = $"json: cannot unmarshal {YamlValueReader.JsonKind(value)} into Go value of type map[string]interface {{}}";
            return error;
        }
        catch (System.Text.Json.JsonException ex)
        {
            var error = ValueTree.NewMap();
            error["Error"] = ex.Message;
            return error;
        }
    }

    private static List<object?> FromJsonArray(string text)
    {
        try
        {
            var value = JsonValueReader.Read(text);
            return value as List<object?> ?? [$"json: cannot unmarshal {YamlValueReader.JsonKind(value)} into Go value of type []interface {{}}"];
        }
        catch (System.Text.Json.JsonException ex)
        {
            return [ex.Message];
        }
    }
}
