namespace GitOpsConsole.Core.Scenarios;

/// <summary>A scenario file that cannot be used; the message names the file and the field.</summary>
public sealed class ScenarioFileException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    public string File { get; } = file;

    public string Field { get; } = field;
}
