namespace GitOpsConsole.Helm.Templates;

/// <summary>A host object range can iterate like a Go map (key order already sorted).</summary>
internal interface IRangeable
{
    IEnumerable<KeyValuePair<string, object?>> Entries { get; }
}
