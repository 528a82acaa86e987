using GitOpsConsole.Core.Scenarios;

namespace GitOpsConsole.Web.Scenarios;

/// <summary>A scenario file that could not be used, and why (the file and field are in the message).</summary>
public sealed record ScenarioFileError(string File, string Message);

/// <summary>
/// The scenarios of <c>GitOps:Scenarios:Directory</c> (default: <c>scenarios/</c> in the working directory, else
/// the built-ins copied beside the binary), read once at start. A bad file is reported and skipped, never fatal.
/// </summary>
public sealed partial class ScenarioCatalog
{
    public ScenarioCatalog(IConfiguration configuration, ILogger<ScenarioCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Directory = Locate(configuration["GitOps:Scenarios:Directory"]);
        var definitions = new List<ScenarioDefinition>();
        var errors = new List<ScenarioFileError>();
        IEnumerable<string> files = Directory is null ? [] : System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = $"scenarios/{Path.GetFileName(path)}";
            try
            {
                var definition = ScenarioParser.Parse(file, File.ReadAllText(path));
                if (definitions.Any(d => d.Name == definition.Name))
                {
                    throw new ScenarioFileException(file, "name", $"'{definition.Name}' is already used by another file");
                }

                definitions.Add(definition);
            }
            catch (ScenarioFileException ex)
            {
                errors.Add(new ScenarioFileError(file, ex.Message));
                LogSkipped(logger, ex.Message);
            }
        }

        Scenarios = definitions;
        Errors = errors;
        LogLoaded(logger, definitions.Count, Directory ?? "(none found)");
    }

    public string? Directory { get; }

    public IReadOnlyList<ScenarioDefinition> Scenarios { get; }

    public IReadOnlyList<ScenarioFileError> Errors { get; }

    public ScenarioDefinition? Find(string name) => Scenarios.FirstOrDefault(s => s.Name == name);

    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : throw new DirectoryNotFoundException($"GitOps:Scenarios:Directory: '{configured}' does not exist.");
        }

        return new[] { Path.Combine(Environment.CurrentDirectory, "scenarios"), Path.Combine(AppContext.BaseDirectory, "scenarios") }.FirstOrDefault(System.IO.Directory.Exists);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scenario file skipped: {Problem}")]
    private static partial void LogSkipped(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} scenarios loaded from {Directory}")]
    private static partial void LogLoaded(ILogger logger, int count, string directory);
}
