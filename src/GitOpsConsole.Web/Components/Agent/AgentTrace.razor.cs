using System.Text.Json;
using System.Text.Json.Nodes;
using GitOpsConsole.Core.Agent;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Agent;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Agent;

/// <summary>The live trace of one agent run: loaded from the store, then extended entry by entry from <see cref="TraceFeed"/>.</summary>
public partial class AgentTrace : IDisposable
{
    private readonly List<TraceEntry> _entries = [];
    private readonly HashSet<TraceKind> _shown = [];
    private readonly HashSet<int> _open = [];
    private IDisposable? _subscription;

    [Parameter, EditorRequired]
    public Guid RunId { get; set; }

    [Inject]
    private IAgentJournal Journal { get; set; } = default!;

    [Inject]
    private TraceFeed Feed { get; set; } = default!;

    private IEnumerable<TraceKind> KindsPresent => _entries.Select(e => e.Kind).Distinct().Order();

    private IEnumerable<TraceEntry> Visible => _shown.Count == 0 ? _entries : _entries.Where(e => _shown.Contains(e.Kind));

    protected override async Task OnInitializedAsync()
    {
        // Subscribe first so nothing stored between the read and the subscription is missed; duplicates are dropped by sequence.
        _subscription = Feed.Subscribe(change =>
        {
            if (change.RunId == RunId)
            {
                _ = InvokeAsync(() =>
                {
                    Add(change.Entry);
                    StateHasChanged();
                });
            }
        });
        foreach (var entry in await Journal.EntriesAsync(RunId))
        {
            Add(entry);
        }
    }

    private void Add(TraceEntry entry)
    {
        if (_entries.All(e => e.Sequence != entry.Sequence))
        {
            _entries.Add(entry);
            _entries.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        }
    }

    private void ShowAll() => _shown.Clear();

    private void ToggleKind(TraceKind kind)
    {
        if (!_shown.Remove(kind))
        {
            _shown.Add(kind);
        }
    }

    private void Toggle(TraceEntry entry)
    {
        if (!_open.Remove(entry.Sequence))
        {
            _open.Add(entry.Sequence);
        }
    }

    private static string ResultLine(TraceEntry entry)
    {
        try
        {
            return ToolError.Of(JsonDocument.Parse(entry.Content).RootElement) is { } error ? $"Error: {Clip(error)}" : $"Result ({entry.Content.Length} characters)";
        }
        catch (JsonException)
        {
            return $"Result ({entry.Content.Length} characters)";
        }
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static string Pretty(string json) => AgentJson.Pretty(json);

    private static string IconOf(TraceKind kind) => kind switch
    {
        TraceKind.Thought => Icons.Material.Outlined.Psychology,
        TraceKind.ToolCall => Icons.Material.Outlined.Build,
        TraceKind.ToolResult => Icons.Material.Outlined.Output,
        TraceKind.Observation => Icons.Material.Outlined.Visibility,
        TraceKind.Question => Icons.Material.Outlined.HelpOutline,
        TraceKind.Answer => Icons.Material.Outlined.QuestionAnswer,
        TraceKind.Instruction => Icons.Material.Outlined.Campaign,
        TraceKind.Decision => Icons.Material.Outlined.Gavel,
        _ => Icons.Material.Outlined.Flag,
    };

    private static Color ColorOf(TraceKind kind) => kind switch
    {
        TraceKind.ToolCall => Color.Primary,
        TraceKind.Decision or TraceKind.Final => Color.Success,
        TraceKind.Question or TraceKind.Instruction => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
