using System.Text;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Values;

/// <summary>Helm's values options: -f files merged in order, then --set-json, --set, --set-string, --set-file, --set-literal.</summary>
internal static class UserValues
{
    public static Dictionary<string, object?> Build(RenderOptions options, Func<string, byte[]> readFile)
    {
        var values = ValueTree.NewMap();
        foreach (var path in options.ValuesFiles)
        {
            byte[] data;
            try
            {
                data = readFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ChartRenderException($"open {path}: no such file or directory", ex);
            }

            values = ValueTree.MergeMaps(values, Parse(Encoding.UTF8.GetString(data), path));
        }

        foreach (var yaml in options.ValuesYaml)
        {
            values = ValueTree.MergeMaps(values, Parse(yaml, "values"));
        }

        Apply(values, options.SetJsonValues, StrvalsMode.Json, readFile);
        Apply(values, options.SetValues, StrvalsMode.Typed, readFile);
        Apply(values, options.SetStringValues, StrvalsMode.String, readFile);
        Apply(values, options.SetFileValues, StrvalsMode.File, path => ReadFile(readFile, path));
        Apply(values, options.SetLiteralValues, StrvalsMode.Literal, readFile);
        return values;
    }

    private static void Apply(Dictionary<string, object?> values, IReadOnlyList<string> expressions, StrvalsMode mode, Func<string, byte[]> readFile)
    {
        foreach (var expression in expressions)
        {
            StrvalsParser.ParseInto(expression, values, mode, readFile);
        }
    }

    private static byte[] ReadFile(Func<string, byte[]> readFile, string path)
    {
        try
        {
            return readFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ChartRenderException($"failed parsing --set-file data: open {path}: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, object?> Parse(string yaml, string source)
    {
        try
        {
            return YamlValueReader.ReadMap(yaml);
        }
        catch (YamlFormatException ex)
        {
            throw new ChartRenderException($"failed to parse {source}: {ex.Message}", ex);
        }
    }
}
