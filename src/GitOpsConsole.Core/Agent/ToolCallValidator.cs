using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace GitOpsConsole.Core.Agent;

/// <summary>
/// Checks a model's function call against the toolbox before anything runs: the tool exists, every argument is
/// known, required ones are present and each has its parameter's type. The error text goes back to the model.
/// </summary>
public static class ToolCallValidator
{
    /// <summary>The function and typed arguments to invoke, or the reason the call is invalid.</summary>
    public static (KernelFunction? Function, KernelArguments? Arguments, string? Error) Validate(KernelPlugin plugin, FunctionCallContent call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(call);
        if ((call.PluginName is not null && call.PluginName != plugin.Name) || !plugin.TryGetFunction(call.FunctionName, out var function))
        {
            return (null, null, $"unknown tool '{Name(call)}'; the tools are: {string.Join(", ", plugin.Select(f => f.Name))}");
        }

        var given = call.Arguments ?? [];
        var parameters = function.Metadata.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
        var unknown = given.Names.Where(n => parameters.All(p => p.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            return (function, null, $"{function.Name}: unknown argument(s) {string.Join(", ", unknown)}; it takes {Describe(parameters)}");
        }

        var typed = new KernelArguments();
        foreach (var parameter in parameters)
        {
            var present = given.TryGetValue(parameter.Name, out var raw) && !IsNull(raw);
            if (!present)
            {
                if (parameter.IsRequired)
                {
                    return (function, null, $"{function.Name}: the argument '{parameter.Name}' is required; it takes {Describe(parameters)}");
                }

                continue;
            }

            var converted = Convert(raw!, Nullable.GetUnderlyingType(parameter.ParameterType!) ?? parameter.ParameterType!);
            if (converted is null)
            {
                return (function, null, $"{function.Name}: the argument '{parameter.Name}' must be {TypeName(parameter.ParameterType)}, got {JsonSerializer.Serialize(raw)}");
            }

            typed[parameter.Name] = converted;
        }

        return (function, typed, null);
    }

    public static string Name(FunctionCallContent call) => call.FunctionName;

    private static object? Convert(object raw, Type type)
    {
        if (type == typeof(string[]))
        {
            return Strings(raw);
        }

        var text = raw switch
        {
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
            JsonElement => null,
            string s => s,
            int or long => System.Convert.ToString(raw, CultureInfo.InvariantCulture),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return string.IsNullOrWhiteSpace(text) || text.Length > 1024 ? null : text;
        }

        return type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>A list of non-empty strings: a JSON array of strings, or one string (a model's shortcut for a single item).</summary>
    private static string[]? Strings(object raw)
    {
        var items = raw switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } e => e.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : null).ToList(),
            JsonElement { ValueKind: JsonValueKind.String } e => [e.GetString()],
            IEnumerable<string> list => list.Select(i => (string?)i).ToList(),
            string s => [s],
            _ => null,
        };
        return items is null || items.Count > 20 || items.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 256) ? null : [.. items!];
    }

    private static bool IsNull(object? raw) => raw is null or JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined };

    private static string Describe(IEnumerable<KernelParameterMetadata> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Name}: {TypeName(p.ParameterType)}{(p.IsRequired ? "" : " (optional)")}")) is { Length: > 0 } list ? list : "no arguments";

    private static string TypeName(Type? type) => (Nullable.GetUnderlyingType(type!) ?? type) switch
    {
        var t when t == typeof(int) => "an integer",
        var t when t == typeof(string[]) => "a list of up to 20 non-empty strings",
        _ => "a non-empty string",
    };
}
