using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Scenarios.Comparison;

/// <summary>What the world looked like once a run ended: the image the Deployment runs, its health and sync.</summary>
/// <param name="NewImage">The image the event brought (null when the run never got one, e.g. a failed build).</param>
/// <param name="PreviousImage">The image that ran before the event.</param>
public sealed record ObservedEnd(string? RunningImage, HealthStatus Health, SyncStatus Sync, string? NewImage, string? PreviousImage);

/// <summary>Everything the comparison reads of one engine's run: the run with its steps, its questions, the world after it.</summary>
public sealed record EngineRecord(DeploymentEngine Engine, Run Run, IReadOnlyList<Question> Questions, ObservedEnd? End);
