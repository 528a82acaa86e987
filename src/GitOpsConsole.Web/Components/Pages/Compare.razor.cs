using GitOpsConsole.Web.Components.Shared;
using GitOpsConsole.Core.Scenarios;
using GitOpsConsole.Core.Scenarios.Comparison;
using GitOpsConsole.Data.Runs;
using GitOpsConsole.Data.Scenarios;
using GitOpsConsole.Web.Scenarios;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GitOpsConsole.Web.Components.Pages;

/// <summary>
/// The comparison view: a scenario run (or two past runs) in two columns on one time axis, filled live from the
/// run and scenario feeds, with the metrics, criteria, verdict and charts; below, the matrix of all scenarios.
/// </summary>
public partial class Compare : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private string? _scenario;
    private string? _left;
    private string? _right;
    private bool _starting;
    private string? _error;
    private readonly LatestRead _reads = new();
    private ScenarioRun? _run;
    private ScenarioDefinition? _definition;
    private ScenarioComparison? _comparison;
    private IReadOnlyList<ScenarioComparison> _matrix = [];
    private List<ChartSeries<double>> _durations = [];
    private string[] _durationLabels = [];
    private readonly BarChartOptions _chartOptions = new() { YAxisTicks = 1 };

    [Inject] private ScenarioCatalog Catalog { get; set; } = default!;
    [Inject] private ScenarioLab Lab { get; set; } = default!;
    [Inject] private ScenarioRunStore Store { get; set; } = default!;
    [Inject] private ScenarioRunFeed ScenarioFeed { get; set; } = default!;
    [Inject] private RunFeed RunFeed { get; set; } = default!;
    [Inject] private ComparisonReader Reader { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "run")] public Guid? ScenarioRunId { get; set; }
    [SupplyParameterFromQuery(Name = "left")] public Guid? LeftRun { get; set; }
    [SupplyParameterFromQuery(Name = "right")] public Guid? RightRun { get; set; }

    private double Axis => _comparison is null ? 1 : new[] { _comparison.WorkflowSteps, _comparison.AgentSteps }
        .SelectMany(s => s).Select(s => s.EndSeconds ?? s.StartSeconds).DefaultIfEmpty(1).Max();

    protected override void OnInitialized()
    {
        _scenario = Catalog.Scenarios is [var first, ..] ? first.Name : null;
        _subscriptions.Add(ScenarioFeed.Subscribe(c => Refresh(c.Id == ScenarioRunId || c.Status == ScenarioRunStatus.Finished)));
        _subscriptions.Add(RunFeed.Subscribe(c => Refresh(_run is { } r && (c.Application == r.WorkflowApplication || c.Application == r.AgentApplication))));
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private void Refresh(bool relevant)
    {
        if (relevant)
        {
            _ = InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
    }

    private Task LoadAsync() => _reads.RunAsync(ReadAsync, Apply);

    private async Task<(ScenarioRun? Run, ScenarioComparison? Comparison, List<ScenarioComparison> Matrix)> ReadAsync()
    {
        var run = ScenarioRunId is { } id ? await Store.GetAsync(id) : null;
        var comparison = run is not null ? await Reader.OfScenarioRunAsync(run, CancellationToken.None)
            : LeftRun is { } l && RightRun is { } r ? await Reader.OfRunsAsync(l, r, CancellationToken.None) : null;
        var matrix = new List<ScenarioComparison>();
        foreach (var latest in await Reader.LatestAsync(CancellationToken.None))
        {
            if (await Reader.OfScenarioRunAsync(latest, CancellationToken.None) is { } row)
            {
                matrix.Add(row);
            }
        }

        return (run, comparison, matrix);
    }

    private void Apply((ScenarioRun? Run, ScenarioComparison? Comparison, List<ScenarioComparison> Matrix) read)
    {
        var (run, comparison, matrix) = read;
        _run = run;
        _definition = _run is null ? null : Catalog.Find(_run.Scenario);
        _scenario = _definition?.Name ?? _scenario;
        _comparison = comparison;
        if (LeftRun is not null && _comparison is null && _run is null)
        {
            _error = "One of the two runs does not exist.";
        }

        _matrix = matrix;
        BuildDurations();
    }

    private void BuildDurations()
    {
        if (_comparison is not { } c)
        {
            return;
        }

        var count = Math.Max(c.WorkflowSteps.Count, c.AgentSteps.Count);
        _durationLabels = [.. Enumerable.Range(1, count).Select(i => $"#{i}")];
        _durations =
        [
            new() { Name = "Workflow", Data = Enumerable.Range(0, count).Select(i => i < c.WorkflowSteps.Count ? c.WorkflowSteps[i].DurationSeconds ?? 0 : 0).ToArray() },
            new() { Name = "Agent", Data = Enumerable.Range(0, count).Select(i => i < c.AgentSteps.Count ? c.AgentSteps[i].DurationSeconds ?? 0 : 0).ToArray() },
        ];
    }

    private async Task StartAsync()
    {
        if (_scenario is null || Catalog.Find(_scenario) is not { } scenario)
        {
            return;
        }

        _starting = true;
        var run = await Lab.StartAsync(scenario);
        _starting = false;
        Navigation.NavigateTo($"compare?run={run.Id}");
    }

    private async Task RunAllAsync()
    {
        _starting = true;
        var batch = await Lab.StartAllAsync();
        _starting = false;
        Navigation.NavigateTo($"compare/report/{batch}");
    }

    private void OpenRuns()
    {
        if (Guid.TryParse(_left?.Trim(), out var left) && Guid.TryParse(_right?.Trim(), out var right))
        {
            _error = null;
            Navigation.NavigateTo($"compare?left={left}&right={right}");
        }
        else
        {
            _error = "Enter two run ids (as on a run page's address) to compare them.";
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
