namespace GitOpsConsole.Helm.Charts;

/// <summary>A file of a chart, with its path relative to the chart root using '/' separators.</summary>
public sealed record ChartFile(string Path, byte[] Data);
