using System.Text;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Values;

/// <summary>Helm's values options: -f files merged in order, then --set, then --set-string.</summary>
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

        foreach (var expression in options.SetValues)
        {
            StrvalsParser.ParseInto(expression, values);
        }

        foreach (var expression in options.SetStringValues)
        {
            StrvalsParser.ParseInto(expression, values, asString: true);
        }

        return values;
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
