using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Tokens;
using GitOpsConsole.Web.Operator;
using GitOpsConsole.Web.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace GitOpsConsole.Web.Tests.Drift;

/// <summary><c>POST /api/apps/{name}/sync</c> against the sandbox: revisions are checked before the 202, the sync runs as the caller.</summary>
public class AppsApiSyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_OperatorWithBranchRevision_202ThenRecordedAsTheCaller()
    {
        await using var factory = SandboxTestKit.WithSandbox(("GitOps:Operator:RefreshInterval", "00:00:00"));
        factory.CreateClient().Dispose();
        var token = (await factory.Services.GetRequiredService<ApiTokenStore>().CreateAsync("deployer", UserRole.Operator, "admin", null, Ct))!.Value.Token;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var unknown = await client.PostAsJsonAsync("/api/apps/catalog/sync", new { revision = "no-such-branch" }, Ct);
        using var accepted = await client.PostAsJsonAsync("/api/apps/catalog/sync", new { revision = "main" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no-such-branch", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var app = (await factory.Services.GetRequiredService<ApplicationCatalog>().FindAsync("catalog", Ct))!;
        var operatorService = factory.Services.GetRequiredService<OperatorService>();
        var record = await SandboxTestKit.EventuallyAsync(async () =>
            (await operatorService.HistoryAsync(app, Ct)).FirstOrDefault(r => r.InitiatedBy == "token:deployer"), TimeSpan.FromSeconds(60), "the caller's sync in the history");
        Assert.Equal(Core.Operator.SyncPhase.Succeeded, record.Phase);
        Assert.Equal(40, record.Revision!.Length);
    }
}
