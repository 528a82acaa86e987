using System.Text;
using GitOpsConsole.Helm.Charts;
using GitOpsConsole.Helm.Functions;
using GitOpsConsole.Helm.Templates;
using GitOpsConsole.Helm.Values;
using GitOpsConsole.Helm.Yaml;

namespace GitOpsConsole.Helm.Objects;

/// <summary>.Files: the chart's non-template files with Get, GetBytes, Glob, Lines, AsConfig and AsSecrets.</summary>
internal sealed class ChartFilesObject(IReadOnlyDictionary<string, byte[]> files) : IHostObject, IRangeable
{
    public ChartFilesObject(IEnumerable<ChartFile> files)
        : this(files.ToDictionary(f => f.Path, f => f.Data, StringComparer.Ordinal))
    {
    }

    public string GoTypeName => "engine.files";

    public string GoKindName => "map";

    public bool IsTrue => files.Count > 0;

    public IEnumerable<KeyValuePair<string, object?>> Entries =>
        files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new KeyValuePair<string, object?>(f.Key, f.Value));

    public bool TryInvoke(string member, IReadOnlyList<object?> args, out object? result)
    {
        result = member switch
        {
            "Get" => Encoding.UTF8.GetString(Bytes(One(member, args))),
            "GetBytes" => Bytes(One(member, args)),
            "Glob" => new ChartFilesObject(files.Where(f => GlobPattern.IsMatch(One(member, args), f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)),
            "Lines" => Lines(One(member, args)),
            "AsConfig" => AsMap(args, v => Encoding.UTF8.GetString(v)),
            "AsSecrets" => AsMap(args, Convert.ToBase64String),
            _ => null,
        };
        return result is not null;
    }

    private static string One(string member, IReadOnlyList<object?> args)
    {
        if (args.Count != 1)
        {
            throw new FunctionException($"wrong number of args for {member}: want 1 got {args.Count}") { IsTypeError = true };
        }

        return Args.String(args, 0);
    }

    private byte[] Bytes(string name) => files.TryGetValue(name, out var data) ? data : [];

    private List<object?> Lines(string name)
    {
        if (!files.TryGetValue(name, out var data) || data.Length == 0)
        {
            return [];
        }

        var text = Encoding.UTF8.GetString(data);
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        return text.Split('\n').Cast<object?>().ToList();
    }

    private string AsMap(IReadOnlyList<object?> args, Func<byte[], string> encode)
    {
        if (args.Count != 0)
        {
            throw new FunctionException($"wrong number of args: want 0 got {args.Count}") { IsTypeError = true };
        }

        var map = ValueTree.NewMap();
        foreach (var (path, data) in files)
        {
            map[path[(path.LastIndexOf('/') + 1)..]] = encode(data);
        }

        return GoYamlWriter.Serialize(map).TrimEnd('\n');
    }
}
