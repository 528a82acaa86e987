using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GitOpsConsole.Data;

/// <summary>The console's store. Create one short-lived instance per operation via the pooled factory.</summary>
public sealed class GitOpsDbContext(DbContextOptions<GitOpsDbContext> options) : DbContext(options)
{
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<TriggerEvent> TriggerEvents => Set<TriggerEvent>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserAccount> Users => Set<UserAccount>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DriftFinding> DriftFindings => Set<DriftFinding>();
    public DbSet<DriftIgnoreRule> DriftIgnoreRules => Set<DriftIgnoreRule>();
    public DbSet<SyncRecord> SyncRecords => Set<SyncRecord>();
    public DbSet<StatusSnapshot> StatusSnapshots => Set<StatusSnapshot>();
    public DbSet<SyncRequest> SyncRequests => Set<SyncRequest>();
    public DbSet<TraceEntry> TraceEntries => Set<TraceEntry>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<Instruction> Instructions => Set<Instruction>();
    public DbSet<Core.Scenarios.ScenarioRun> ScenarioRuns => Set<Core.Scenarios.ScenarioRun>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset text; a UTC-ticks integer sorts and filters natively.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // Enums as names keep the database readable and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GitOpsDbContext).Assembly);
    }
}
