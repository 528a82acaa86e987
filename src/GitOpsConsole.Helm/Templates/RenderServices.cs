namespace GitOpsConsole.Helm.Templates;

/// <summary>Side inputs of functions that are not pure (now, random strings).</summary>
internal sealed class RenderServices(TimeProvider time)
{
    public static RenderServices Default { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;
}
