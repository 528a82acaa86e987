using System.Text.Json.Nodes;

namespace GitOpsConsole.Sandbox.Kubernetes.Store;

/// <summary>What a read-modify-write callback decided to do with the object it was shown.</summary>
internal abstract record Mutation
{
    public static Mutation Unchanged { get; } = new NoChange();

    public static Mutation Delete { get; } = new Remove();

    public static Mutation Put(JsonObject node) => new Write(node);

    public sealed record Write(JsonObject Node) : Mutation;

    public sealed record Remove : Mutation;

    public sealed record NoChange : Mutation;
}
