using System.Globalization;
using System.Text;

namespace GitOpsConsole.Helm.Values;

/// <summary>
/// Helm's --set syntax (pkg/strvals): <c>a.b=c,list={x,y},arr[0].k=v</c>, backslash escapes, and typed values
/// (true/false/null and integers without a leading zero); the other modes serve --set-string, --set-json,
/// --set-file and --set-literal.
/// </summary>
internal sealed partial class StrvalsParser
{
    private const int MaxIndex = 65536;
    private readonly string _text;
    private readonly StrvalsMode _mode;
    private readonly Func<string, byte[]>? _readFile;
    private int _pos;

    private StrvalsParser(string text, StrvalsMode mode, Func<string, byte[]>? readFile)
    {
        _text = text;
        _mode = mode;
        _readFile = readFile;
    }

    /// <summary>Parses <paramref name="text"/> into <paramref name="destination"/>, overwriting what it names.</summary>
    public static void ParseInto(string text, Dictionary<string, object?> destination, bool asString = false) =>
        ParseInto(text, destination, asString ? StrvalsMode.String : StrvalsMode.Typed);

    public static void ParseInto(string text, Dictionary<string, object?> destination, StrvalsMode mode, Func<string, byte[]>? readFile = null)
    {
        var parser = new StrvalsParser(text, mode, readFile);
        while (!parser.AtEnd)
        {
            parser.ParseKey(destination);
        }
    }

    private bool AtEnd => _pos >= _text.Length;

    private void ParseKey(Dictionary<string, object?> data)
    {
        var key = ReadUntil(out var stop, '=', '[', ',', '.');
        switch (stop)
        {
            case null:
                if (key.Length == 0)
                {
                    return;
                }

                throw Error($"key \"{key}\" has no value");
            case ',':
                throw Error($"key \"{key}\" has no value (cannot end with ,)");
            case '=':
                data[key] = ReadValue();
                return;
            case '.':
                if (key.Length == 0)
                {
                    throw Error("key \"\" has no value");
                }

                var inner = data.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> map ? map : ValueTree.NewMap();
                data[key] = inner;
                ParseKey(inner);
                return;
            default:
                var list = data.TryGetValue(key, out var current) && current is List<object?> l ? l : [];
                data[key] = ParseIndexed(list);
                return;
        }
    }

    /// <summary>After a '[': index, then '=' value, '.' nested map or another '['.</summary>
    private List<object?> ParseIndexed(List<object?> list)
    {
        var indexText = ReadUntil(out var stop, ']');
        if (stop != ']' || !int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw Error($"error parsing index: strconv.Atoi: parsing \"{indexText}\": invalid syntax");
        }

        if (index > MaxIndex)
        {
            throw Error($"index of {index} is greater than maximum supported index of {MaxIndex}");
        }

        while (list.Count <= index)
        {
            list.Add(null);
        }

        var next = AtEnd ? '\0' : _text[_pos++];
        switch (next)
        {
            case '=':
                list[index] = ReadValue();
                break;
            case '.':
                var map = list[index] as Dictionary<string, object?> ?? ValueTree.NewMap();
                list[index] = map;
                ParseKey(map);
                break;
            case '[':
                list[index] = ParseIndexed(list[index] as List<object?> ?? []);
                break;
            default:
                throw Error($"key \"{indexText}\" has no value");
        }

        return list;
    }

    private object? ReadValue()
    {
        switch (_mode)
        {
            case StrvalsMode.Json:
                return ReadJsonValue();
            case StrvalsMode.Literal:
                var literal = _text[_pos..];
                _pos = _text.Length;
                return literal;
            case StrvalsMode.File:
                var path = ReadUntil(out _, ',');
                return Encoding.UTF8.GetString(_readFile!(path));
        }

        if (!AtEnd && _text[_pos] == '{')
        {
            _pos++;
            var list = new List<object?>();
            while (true)
            {
                var item = ReadUntil(out var stop, ',', '}');
                if (stop is null)
                {
                    throw Error("list must terminate with '}'");
                }

                if (item.Length > 0 || stop == ',' || list.Count > 0)
                {
                    list.Add(Typed(item));
                }

                if (stop == '}')
                {
                    if (!AtEnd && _text[_pos] == ',')
                    {
                        _pos++;
                    }

                    return list;
                }
            }
        }

        return Typed(ReadUntil(out _, ','));
    }

    private object? Typed(string value)
    {
        if (_mode == StrvalsMode.String)
        {
            return value;
        }

        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (value.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (value == "0")
        {
            return 0L;
        }

        if (value.Length > 0 && value[0] != '0' && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return value;
    }

    /// <summary>Reads runes up to (and consuming) one of <paramref name="stops"/>; a backslash escapes the next rune.</summary>
    private string ReadUntil(out char? stop, params char[] stops)
    {
        var sb = new StringBuilder();
        while (!AtEnd)
        {
            var c = _text[_pos++];
            if (c == '\\' && !AtEnd)
            {
                sb.Append(_text[_pos++]);
                continue;
            }

            if (Array.IndexOf(stops, c) >= 0)
            {
                stop = c;
                return sb.ToString();
            }

            sb.Append(c);
        }

        stop = null;
        return sb.ToString();
    }

    private static ChartRenderException Error(string message) => new($"failed parsing --set data: {message}");
}
