using System.Globalization;
using GitOpsConsole.Sandbox.Kubernetes;
using GitOpsConsole.Sandbox.Registry;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOpsConsole.Sandbox.Ci;

/// <summary>
/// Reads <c>.gitops-ci.yaml</c> from the YAML node tree rather than a deserializer, so every mistake
/// is reported with its key path and line, and unknown keys (usually typos) are refused.
/// </summary>
public static class CiFileParser
{
    public static readonly TimeSpan DefaultStepTimeout = TimeSpan.FromMinutes(10);

    /// <exception cref="CiFileException">The text is not a valid CI definition.</exception>
    public static CiDefinition Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw Problem(ex.Start, $"invalid YAML: {ex.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CiFileException($"{CiDefinition.FileName}: expected a mapping with 'image' and 'steps' at the top level.");
        }
        RefuseUnknownKeys(root, "", "image", "runtime", "startupSeconds", "steps");
        var (imageName, tagRule) = ParseImage(Required(root, "image", ""));
        var behavior = new ImageBehavior(ParseRuntime(root), TimeSpan.FromSeconds(ParseNumber(root, "startupSeconds", "", 0, allowZero: true)));
        return new CiDefinition(imageName, tagRule, behavior, ParseSteps(Required(root, "steps", "")));
    }

    private static (string Name, TagRule Rule) ParseImage(YamlNode node)
    {
        if (node is YamlScalarNode shorthand)
        {
            return (ImageName(shorthand, "image"), TagRule.ShortSha);
        }
        var image = node as YamlMappingNode ?? throw Problem(node.Start, "'image' must be a name or a mapping with 'name' and 'tag'");
        RefuseUnknownKeys(image, "image.", "name", "tag");
        var name = ImageName(Required(image, "name", "image."), "image.name");
        var rule = Optional(image, "tag") is not { } tag ? TagRule.ShortSha : Scalar(tag, "image.tag") switch
        {
            "shortSha" => TagRule.ShortSha,
            "gitTag" => TagRule.GitTag,
            var other => throw Problem(tag.Start, $"image.tag must be 'shortSha' or 'gitTag', got '{other}'"),
        };
        return (name, rule);
    }

    private static ImageRuntime ParseRuntime(YamlMappingNode root) => Optional(root, "runtime") is not { } node
        ? ImageRuntime.Starts
        : Scalar(node, "runtime") switch
        {
            "starts" => ImageRuntime.Starts,
            "crash" => ImageRuntime.Crash,
            "unready" => ImageRuntime.Unready,
            var other => throw Problem(node.Start, $"runtime must be 'starts', 'crash' or 'unready', got '{other}'"),
        };

    private static List<CiStep> ParseSteps(YamlNode node)
    {
        var sequence = node as YamlSequenceNode ?? throw Problem(node.Start, "'steps' must be a list");
        if (sequence.Children.Count == 0)
        {
            throw Problem(node.Start, "'steps' must list at least one step");
        }
        var steps = new List<CiStep>();
        foreach (var (item, index) in sequence.Children.Select((item, index) => (item, index)))
        {
            var path = $"steps[{index}].";
            var step = item as YamlMappingNode ?? throw Problem(item.Start, $"steps[{index}] must be a mapping with 'name' and 'run'");
            RefuseUnknownKeys(step, path, "name", "run", "timeoutSeconds");
            var name = Scalar(Required(step, "name", path), path + "name");
            var run = Scalar(Required(step, "run", path), path + "run");
            var timeout = ParseNumber(step, "timeoutSeconds", path, DefaultStepTimeout.TotalSeconds, allowZero: false);
            steps.Add(new CiStep(name, run, TimeSpan.FromSeconds(timeout)));
        }
        return steps;
    }

    private static string ImageName(YamlNode node, string path)
    {
        var name = Scalar(node, path);
        return RegistryNames.IsValidRepository(name)
            ? name
            : throw Problem(node.Start, $"{path} '{name}' is not a valid image name (lowercase letters, digits, '.', '_', '-', '/')");
    }

    private static double ParseNumber(YamlMappingNode map, string key, string path, double fallback, bool allowZero)
    {
        if (Optional(map, key) is not { } node)
        {
            return fallback;
        }
        var text = Scalar(node, path + key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0)) && value <= 86_400
            ? value
            : throw Problem(node.Start, $"{path}{key} must be a {(allowZero ? "non-negative" : "positive")} number of seconds (at most a day), got '{text}'");
    }

    private static YamlNode Required(YamlMappingNode map, string key, string path) =>
        Optional(map, key) ?? throw Problem(map.Start, $"'{path}{key}' is required");

    private static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Scalar(YamlNode node, string path) => node is YamlScalarNode { Value: { Length: > 0 } value }
        ? value
        : throw Problem(node.Start, $"'{path}' must be a non-empty text value");

    private static void RefuseUnknownKeys(YamlMappingNode map, string path, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name, StringComparer.Ordinal))
            {
                throw Problem(key.Start, $"unknown key '{path}{key}' (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    private static CiFileException Problem(Mark at, string message) =>
        new($"{CiDefinition.FileName} line {at.Line}: {message}.");
}
