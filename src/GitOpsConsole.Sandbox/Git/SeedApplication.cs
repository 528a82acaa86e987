namespace GitOpsConsole.Sandbox.Git;

/// <summary>One sample application the sandbox seeds; the values fill the placeholders of the Seed/ files.</summary>
public sealed record SeedApplication(string Name, string Description, int Replicas, int ServicePort)
{
    /// <summary>The applications the product design names (§5): one per environment.</summary>
    public static IReadOnlyList<SeedApplication> Defaults { get; } =
    [
        new("storefront", "Web shop front end (dev)", 1, 80),
        new("catalog", "Product catalog service (staging)", 2, 8080),
        new("payments", "Payment processing service (prod)", 3, 8443),
    ];
}
