namespace GitOpsConsole.Core.Ingestion;

public enum WebhookParseOutcome
{
    /// <summary>One or more events to record.</summary>
    Events,

    /// <summary>A connectivity check (GitHub's ping); answered, nothing recorded.</summary>
    Ping,

    /// <summary>A well-formed delivery of a type the console does not act on.</summary>
    Unsupported,

    /// <summary>Not what the sender's format says it should be; answered 400.</summary>
    Malformed,

    /// <summary>A CI run's progress (<see cref="WebhookParseResult.WorkflowRun"/>) for the build that follows it.</summary>
    CiProgress,
}

public sealed record WebhookParseResult(WebhookParseOutcome Outcome, IReadOnlyList<IncomingEvent> Events, string? Message, WorkflowRunUpdate? WorkflowRun = null)
{
    public static WebhookParseResult Progress(WorkflowRunUpdate run) => new(WebhookParseOutcome.CiProgress, [], null, run);

    public static WebhookParseResult Of(params IncomingEvent[] events) => new(WebhookParseOutcome.Events, events, null);

    public static WebhookParseResult Ping(string message) => new(WebhookParseOutcome.Ping, [], message);

    public static WebhookParseResult Unsupported(string reason) => new(WebhookParseOutcome.Unsupported, [], reason);

    public static WebhookParseResult Malformed(string error) => new(WebhookParseOutcome.Malformed, [], error);
}
