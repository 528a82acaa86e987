using GitOpsConsole.Core.Configuration;

namespace GitOpsConsole.Core.Tests.Configuration;

public class HostingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors() => Assert.Empty(HostingOptionsValidator.Validate(new GitOpsOptions()));

    [Fact]
    public void Validate_InClusterAndKubeconfig_AsksForOne()
    {
        var options = new GitOpsOptions { Kubernetes = { InCluster = true, Kubeconfig = "/etc/kubeconfig" } };

        Assert.Equal("GitOps:Kubernetes: set either InCluster or Kubeconfig, not both.", Assert.Single(HostingOptionsValidator.Validate(options)));
    }

    [Fact]
    public void Validate_DurationsOutOfOrder_NamesAllThree()
    {
        var options = new GitOpsOptions { LeaderElection = { Enabled = true, RenewDeadline = TimeSpan.FromSeconds(20) } };

        var error = Assert.Single(HostingOptionsValidator.Validate(options));

        Assert.StartsWith("GitOps:LeaderElection: needs RetryPeriod (at least 00:00:00.1) < RenewDeadline < LeaseDuration", error, StringComparison.Ordinal);
        Assert.EndsWith("got 00:00:02 / 00:00:20 / 00:00:15.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LeaderElectionWithoutAnyCluster_SaysWhereTheLeaseCouldLive()
    {
        var options = new GitOpsOptions { Sandbox = { Enabled = false }, LeaderElection = { Enabled = true } };

        Assert.StartsWith("GitOps:LeaderElection:Enabled: the Lease needs a cluster", Assert.Single(HostingOptionsValidator.Validate(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PostgreSqlWithoutConnectionString_NamesTheKey()
    {
        var options = new GitOpsOptions { Database = { Provider = DatabaseProvider.PostgreSql } };

        Assert.StartsWith("GitOps:Database:ConnectionString: PostgreSql needs a connection string", Assert.Single(HostingOptionsValidator.Validate(options)), StringComparison.Ordinal);
    }
}
