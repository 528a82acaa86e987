namespace GitOpsConsole.Core.Workflow;

/// <summary>Timeouts as the pipeline's messages say them: "90 s", "5 min".</summary>
internal static class Durations
{
    public static string Describe(TimeSpan span) => span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min" : $"{span.TotalSeconds:0.#} s";
}
