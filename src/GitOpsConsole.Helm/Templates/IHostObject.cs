namespace GitOpsConsole.Helm.Templates;

/// <summary>
/// A Go struct-like object exposed to templates (.Files, .Capabilities): fields and methods resolved by name,
/// unlike maps whose missing keys are simply empty.
/// </summary>
internal interface IHostObject
{
    string GoTypeName { get; }

    string GoKindName => "struct";

    bool IsTrue => true;

    /// <summary>Resolves a field (no arguments) or calls a method; returns false when no such member exists.</summary>
    bool TryInvoke(string member, IReadOnlyList<object?> args, out object? result);
}
