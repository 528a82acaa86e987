using GitOpsConsole.Web.Health;
using GitOpsConsole.Web.Startup;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GitOpsConsole.Web.Tests.Host;

public class DataDirectoryCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_FolderIsAFile_Unhealthy()
    {
        var file = Path.GetTempFileName();
        try
        {
            var check = new DataDirectoryCheck(new DataPaths(file));

            var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("is not writable", result.Description, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReadinessReport_AnyComponentUnhealthy_IsNotReady()
    {
        var entries = new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(HealthStatus.Healthy, "ok", TimeSpan.FromMilliseconds(2), null, null),
            ["data-directory"] = new(HealthStatus.Unhealthy, "not writable", TimeSpan.FromMilliseconds(1), null, null),
        };

        var report = ReadinessReport.From(new HealthReport(entries, TimeSpan.FromMilliseconds(3)), DateTimeOffset.UnixEpoch);

        Assert.False(report.IsReady);
        Assert.Equal("Unhealthy", report.Status);
        Assert.Equal(["database", "data-directory"], report.Components.Select(c => c.Name));
    }
}
