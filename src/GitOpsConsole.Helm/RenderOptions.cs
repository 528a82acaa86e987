namespace GitOpsConsole.Helm;

/// <summary>The `helm template` flags the renderer understands.</summary>
public sealed record RenderOptions
{
    public string ReleaseName { get; init; } = "release-name";

    public string Namespace { get; init; } = "default";

    /// <summary>-f/--values files, merged in order (later wins).</summary>
    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    /// <summary>Values documents given as text (e.g. read from Git), merged after <see cref="ValuesFiles"/>.</summary>
    public IReadOnlyList<string> ValuesYaml { get; init; } = [];

    /// <summary>--set-json expressions (key=JSON), applied before <see cref="SetValues"/>.</summary>
    public IReadOnlyList<string> SetJsonValues { get; init; } = [];

    /// <summary>--set expressions (typed values).</summary>
    public IReadOnlyList<string> SetValues { get; init; } = [];

    /// <summary>--set-string expressions (always strings), applied after <see cref="SetValues"/>.</summary>
    public IReadOnlyList<string> SetStringValues { get; init; } = [];

    /// <summary>--set-file expressions (key=path; the file's content becomes the value), applied after --set-string.</summary>
    public IReadOnlyList<string> SetFileValues { get; init; } = [];

    /// <summary>--set-literal expressions (key=value taken verbatim), applied last.</summary>
    public IReadOnlyList<string> SetLiteralValues { get; init; } = [];

    /// <summary>--show-only template paths relative to the chart (globs allowed).</summary>
    public IReadOnlyList<string> ShowOnly { get; init; } = [];

    public bool IncludeCrds { get; init; }

    public bool SkipTests { get; init; }

    public bool IsUpgrade { get; init; }

    /// <summary>--kube-version; Helm's offline default is 1.20 for these renders.</summary>
    public string KubeVersion { get; init; } = "v1.20.0";

    /// <summary>--api-versions, added to the default set.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = [];

    /// <summary>The clock used by now/date; tests pass a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
