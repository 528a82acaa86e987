using System.Text.Json.Nodes;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Operator;

/// <summary>
/// Which differences are not drift for one application: fields its ignore rules name (Argo CD's
/// <c>ignoreDifferences</c> by JSON pointer) and fields another manager is entitled to (see
/// <see cref="FieldOwnership"/>). Ignored fields count neither for findings nor for the sync status, so an
/// ignored field never makes the application OutOfSync nor starts a self-heal.
/// </summary>
public sealed class DriftFilter(IReadOnlyList<DriftIgnoreRule> rules)
{
    public static DriftFilter None { get; } = new([]);

    public IReadOnlyList<DriftIgnoreRule> Rules => rules;

    public bool Ignores(ResourceKey key, FieldDiff field, JsonObject? live)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(field);
        var fieldPointer = DriftPointer.FromPath(field.Path);
        return rules.Any(r => Matches(r, key, fieldPointer))
            || FieldOwnership.OtherOwner(live, DriftPointer.Segments(field.Path)) is not null;
    }

    public static bool Matches(DriftIgnoreRule rule, ResourceKey key, string fieldPointer)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(key);
        return string.Equals(rule.Group, key.Group, StringComparison.Ordinal)
            && string.Equals(rule.Kind, key.Kind, StringComparison.Ordinal)
            && (string.IsNullOrEmpty(rule.Name) || string.Equals(rule.Name, key.Name, StringComparison.Ordinal))
            && fieldPointer.Length > 0
            && DriftPointer.Covers(rule.JsonPointer, fieldPointer);
    }

    /// <summary>The differences that remain drift.</summary>
    public IReadOnlyList<FieldDiff> Keep(ResourceKey key, IReadOnlyList<FieldDiff> fields, JsonObject? live)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return rules.Count == 0 && live?["metadata"]?["managedFields"] is null ? fields : [.. fields.Where(f => !Ignores(key, f, live))];
    }
}
