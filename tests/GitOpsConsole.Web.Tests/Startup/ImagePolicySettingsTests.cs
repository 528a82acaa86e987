using GitOpsConsole.Web.Startup;
using Microsoft.Extensions.Configuration;

namespace GitOpsConsole.Web.Tests.Startup;

/// <summary>GitOps:Applications:&lt;i&gt;:ImagePolicy at the start-up gate: a policy that cannot pick stops the start, naming the key.</summary>
public class ImagePolicySettingsTests
{
    private static StartupCheck Check(params (string Key, string Value)[] policy) =>
        StartupGate.Check(
            new ConfigurationBuilder().AddInMemoryCollection(
                new[] { ("Name", "shop"), ("Environment", "dev"), ("Repository", "sandbox:shop") }.Concat(policy.Select(p => ($"ImagePolicy:{p.Key}", p.Value)))
                    .Select(s => KeyValuePair.Create($"GitOps:Applications:0:{s.Item1}", (string?)s.Item2))).Build(),
            "/srv/console");

    [Fact]
    public void Check_SemverWithConstraintAndPatterns_Starts() =>
        Assert.True(Check(("Strategy", "semver"), ("Constraint", "~1.4"), ("AllowTags", @"^\d"), ("IgnoreTags:0", "-rc")).Succeeded);

    [Theory]
    [InlineData("Strategy", "newest", "GitOps:Applications:0:ImagePolicy:Strategy: unknown update strategy 'newest'; use semver, newest-build, alphabetical or digest.")]
    [InlineData("Constraint", "~1.4 || banana", "GitOps:Applications:0:ImagePolicy: '~1.4 || banana' is not a semver constraint (examples: ~1.4, ^1.2, >=1.2 <2.0, 1.x, 1.2.3).")]
    [InlineData("AllowTags", "^(1", "GitOps:Applications:0:ImagePolicy: allow pattern '^(1' is not a valid regular expression")]
    public void Check_InvalidPolicy_RefusedNamingTheKeyAndTheProblem(string key, string value, string expected)
    {
        var check = key == "Strategy" ? Check((key, value)) : Check(("Strategy", "semver"), (key, value));

        Assert.False(check.Succeeded);
        Assert.StartsWith(expected, Assert.Single(check.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DigestWithoutTheFollowedTag_SaysToSetConstraint()
    {
        var check = Check(("Strategy", "digest"));

        Assert.StartsWith("GitOps:Applications:0:ImagePolicy:Constraint: the digest strategy follows one tag", Assert.Single(check.Errors), StringComparison.Ordinal);
    }
}
