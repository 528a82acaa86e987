namespace GitOpsConsole.Helm;

/// <summary>A chart that cannot be loaded or rendered; the message is what `helm template` would print after "Error: ".</summary>
public sealed class ChartRenderException : Exception
{
    public ChartRenderException()
    {
    }

    public ChartRenderException(string message)
        : base(message)
    {
    }

    public ChartRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
