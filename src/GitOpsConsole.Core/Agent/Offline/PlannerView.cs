using System.Text.Json;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace GitOpsConsole.Core.Agent.Offline;

/// <summary>One tool result as the planner reads it: the call, its arguments and the JSON result (or the error).</summary>
internal sealed record PlannerObservation(int Index, string Function, KernelArguments Arguments, JsonElement Result, string? Error)
{
    public string? Text(string name) =>
        Result.ValueKind == JsonValueKind.Object && Result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool Flag(string name) =>
        Result.ValueKind == JsonValueKind.Object && Result.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public string? Argument(string name) => Arguments.TryGetValue(name, out var value) ? value?.ToString() : null;
}

/// <summary>
/// What the conversation says so far, read like a model reads it: the event's <c>key: value</c> lines (the
/// commit message after them is data and is not read), then every tool result in order.
/// </summary>
internal sealed class PlannerView
{
    public Dictionary<string, string> Event { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<PlannerObservation> Observations { get; } = [];

    public int Calls { get; private set; }

    public static PlannerView Read(ChatHistory history)
    {
        var view = new PlannerView();
        var calls = new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal);
        foreach (var message in history)
        {
            if (message.Role == AuthorRole.User && view.Event.Count == 0)
            {
                view.ReadEvent(message.Content ?? "");
            }

            foreach (var call in message.Items.OfType<FunctionCallContent>())
            {
                view.Calls++;
                calls[call.Id ?? ""] = call;
            }

            foreach (var result in message.Items.OfType<FunctionResultContent>())
            {
                var call = calls.GetValueOrDefault(result.CallId ?? "");
                view.Observations.Add(Observe(view.Observations.Count, result.FunctionName ?? call?.FunctionName ?? "", call?.Arguments ?? [], result.Result?.ToString() ?? ""));
            }
        }

        return view;
    }

    public PlannerObservation? Last(string function, int after = -1) =>
        Observations.LastOrDefault(o => o.Function == function && o.Index > after);

    public int Count(string function) => Observations.Count(o => o.Function == function);

    private void ReadEvent(string text)
    {
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l != "<<<"))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0)
            {
                Event[line[..colon]] = line[(colon + 2)..].Trim();
            }
        }
    }

    private static PlannerObservation Observe(int index, string function, KernelArguments arguments, string text)
    {
        try
        {
            var root = JsonDocument.Parse(text).RootElement;
            var error = ToolError.Of(root);
            return new PlannerObservation(index, function, arguments, root, error);
        }
        catch (JsonException)
        {
            return new PlannerObservation(index, function, arguments, default, $"the result is not JSON: {(text.Length > 200 ? text[..200] : text)}");
        }
    }
}
