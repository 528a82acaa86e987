using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;

namespace GitOpsConsole.Core.Tests.Configuration;

public class ArgoCdApplicationNamesTests
{
    private static ApplicationOptions App(string name, OperatorKind op, string? argoName = null) =>
        new() { Name = name, Environment = "dev", Repository = "sandbox:" + name, Operator = op, ArgoCd = new() { Application = argoName } };

    private static GitOpsOptions With(params ApplicationOptions[] apps) =>
        new() { Applications = [.. apps], ArgoCd = new() { ServerUrl = "https://argocd.example.com/" } };

    [Fact]
    public void Of_UnsetOrSet_IsTheConsoleNameOrTheSetting()
    {
        Assert.Equal("storefront", ArgoCdApplicationNames.Of(App("storefront", OperatorKind.ArgoCd)));
        Assert.Equal("storefront-dev", ArgoCdApplicationNames.Of(App("storefront", OperatorKind.ArgoCd, " storefront-dev ")));
    }

    [Fact]
    public void Validate_NotAnObjectName_NamesTheKeyAndTheRule()
    {
        var error = Assert.Single(IntegrationOptionsValidator.Validate(With(App("storefront", OperatorKind.ArgoCd, "Store_Front"))));

        Assert.Equal("GitOps:Applications:0:ArgoCd:Application: 'Store_Front' is not an Argo CD application name (lower-case letters, digits, '-' and '.', at most 253 characters).", error);
    }

    [Fact]
    public void Validate_NameOnAnEmbeddedApplication_AsksForOperatorArgoCd()
    {
        var error = Assert.Single(IntegrationOptionsValidator.Validate(With(App("catalog", OperatorKind.Embedded, "catalog-staging"))));

        Assert.StartsWith("GitOps:Applications:0:ArgoCd:Application: 'catalog-staging' is set but catalog uses Operator Embedded", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoApplicationsOnOneArgoCdApplication_NamesBoth()
    {
        var error = Assert.Single(IntegrationOptionsValidator.Validate(With(App("storefront", OperatorKind.ArgoCd, "shop"), App("shop", OperatorKind.ArgoCd))));

        Assert.Equal("GitOps:Applications:1:ArgoCd:Application: shop and storefront both name the Argo CD application 'shop'; each console application needs its own.", error);
    }

    [Fact]
    public void Validate_DistinctValidNames_NoError() =>
        Assert.Empty(IntegrationOptionsValidator.Validate(With(App("storefront", OperatorKind.ArgoCd, "storefront-dev"), App("catalog", OperatorKind.ArgoCd))));
}
