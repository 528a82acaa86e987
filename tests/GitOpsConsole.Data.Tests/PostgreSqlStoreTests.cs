using GitOpsConsole.Core.Configuration;
using GitOpsConsole.Core.Domain;
using GitOpsConsole.Data.Applications;
using GitOpsConsole.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GitOpsConsole.Data.Tests;

/// <summary>The store on a real PostgreSQL server with the checked-in PostgreSQL migrations.</summary>
public sealed class PostgreSqlStoreTests(LocalPostgres postgres) : IClassFixture<LocalPostgres>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_PostgreSql_AppliesEveryMigrationAndTheyMatchTheModel()
    {
        var factory = await MigratedAsync();

        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        // Fails once the model moved on without new PostgreSQL migrations: regenerate them (docs/integrations.md).
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes the PostgreSQL migrations lack");
    }

    [Fact]
    public async Task QueueAsync_TwoReplicasQueueOneEventAtOnce_OneRun()
    {
        var factory = await MigratedAsync();
        var catalog = new ApplicationCatalog(factory, TimeProvider.System);
        await catalog.SyncAsync([new ApplicationOptions { Name = "storefront", Environment = "dev", Repository = "sandbox:storefront" }], Ct);
        var app = (await catalog.ListAsync(Ct)).Single();
        var trigger = new TriggerEvent
        {
            Id = Guid.NewGuid(), Kind = TriggerKind.ImageRelease, Source = "api", DeliveryId = "api-1", Tag = "1.2.3",
            ApplicationName = app.Name, Decision = EventDecision.Accepted, ReceivedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = await factory.CreateDbContextAsync(Ct))
        {
            db.TriggerEvents.Add(trigger);
            await db.SaveChangesAsync(Ct);
        }

        var pendingBefore = await new PendingEvents(factory).AcceptedWithoutRunAsync(DateTimeOffset.UtcNow.AddMinutes(-1), Ct);
        var replicas = Enumerable.Range(0, 4).Select(_ => new RunStore(factory, new RunFeed(), TimeProvider.System)).ToList();
        var queued = await Task.WhenAll(replicas.Select(store => store.QueueAsync(trigger, app, DeploymentEngine.Workflow, Ct)));

        Assert.Equal(trigger.Id, Assert.Single(pendingBefore).Id);
        Assert.Single(queued.Select(r => r.Id).Distinct());
        await using var check = await factory.CreateDbContextAsync(Ct);
        Assert.Equal(1, await check.Runs.CountAsync(r => r.TriggerEventId == trigger.Id, Ct));
        Assert.Empty(await new PendingEvents(factory).AcceptedWithoutRunAsync(DateTimeOffset.UtcNow.AddMinutes(-1), Ct));
    }

    private async Task<IDbContextFactory<GitOpsDbContext>> MigratedAsync()
    {
        if (postgres.Missing is { } missing)
        {
            // CI installs PostgreSQL (.ci/run), so there its absence is a failure, not a skip.
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{missing} (CI=true)");
            Assert.Skip(missing);
        }

        var options = new DbContextOptionsBuilder<GitOpsDbContext>();
        DatabaseStore.Configure(options, new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = postgres.ConnectionString($"gitops_{Guid.NewGuid():N}"),
        }, dataDirectory: "");
        var factory = new PooledDbContextFactory<GitOpsDbContext>(options.Options);
        await DatabaseStore.MigrateAsync(factory, Ct);
        return factory;
    }
}
