using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Core.Scenarios;

/// <summary>
/// A mapping of a scenario file read field by field. Every field it hands out is marked as known, so
/// <see cref="RejectUnknown"/> can name a misspelt key instead of silently ignoring it.
/// </summary>
internal sealed class ScenarioYaml(string file, string path, YamlMappingNode mapping)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public static ScenarioYaml Root(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new ScenarioFileException(file, $"line {ex.Start.Line}", $"not valid YAML ({ex.Message})");
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? new ScenarioYaml(file, "", root)
            : throw new ScenarioFileException(file, "(top level)", "expected one YAML document that is a mapping");
    }

    public string Field(string key) => path.Length == 0 ? key : $"{path}.{key}";

    public ScenarioFileException Error(string key, string problem) => new(file, Field(key), problem);

    public string? OptionalString(string key) => Scalar(key) is { } s ? s : null;

    public string String(string key) => OptionalString(key) is { Length: > 0 } s ? s : throw Error(key, "is required");

    public bool Bool(string key, bool fallback) => Scalar(key) switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw Error(key, $"'{other}' is not true or false"),
    };

    public int? OptionalInt(string key, int min, int max) => Scalar(key) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        var text => throw Error(key, $"'{text}' is not a whole number from {min} to {max}"),
    };

    public T Enum<T>(string key, T? fallback = null)
        where T : struct, System.Enum
    {
        var text = Scalar(key);
        if (text is null)
        {
            return fallback ?? throw Error(key, $"is required (one of {Choices<T>()})");
        }

        return System.Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
            ? System.Enum.Parse<T>(name)
            : throw Error(key, $"'{text}' is not one of {Choices<T>()}");
    }

    public ScenarioYaml? OptionalMapping(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode child => new ScenarioYaml(file, Field(key), child),
        _ => throw Error(key, "must be a mapping"),
    };

    public ScenarioYaml Mapping(string key) => OptionalMapping(key) ?? throw Error(key, "is required");

    /// <summary>Items of a sequence of mappings (empty when absent); each is named <c>key[i]</c> in errors.</summary>
    public IReadOnlyList<ScenarioYaml> Sequence(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode items => [.. items.Children.Select((item, i) => item is YamlMappingNode m
            ? new ScenarioYaml(file, $"{Field(key)}[{i}]", m)
            : throw new ScenarioFileException(file, $"{Field(key)}[{i}]", "must be a mapping"))],
        _ => throw Error(key, "must be a list"),
    };

    public void RejectUnknown()
    {
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
        {
            if (!_read.Contains(key))
            {
                throw Error(key, "is not a known field");
            }
        }
    }

    private YamlDotNet.RepresentationModel.YamlNode? Node(string key)
    {
        _read.Add(key);
        return mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    private string? Scalar(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw Error(key, "must be a single value"),
    };

    private static string Choices<T>()
        where T : struct, System.Enum => string.Join(", ", System.Enum.GetNames<T>());
}
