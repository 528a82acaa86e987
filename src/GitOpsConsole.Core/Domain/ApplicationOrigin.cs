namespace GitOpsConsole.Core.Domain;

/// <summary>Where an application comes from; the everyday pages show only configured ones.</summary>
public enum ApplicationOrigin
{
    Configured,

    /// <summary>A twin world the scenario lab created for one engine of one scenario run.</summary>
    ScenarioTwin,
}
