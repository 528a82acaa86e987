using GitOpsConsole.Core.Domain;
using GitOpsConsole.Core.Scenarios;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GitOpsConsole.Data.Configurations;

internal sealed class ScenarioRunConfiguration : IEntityTypeConfiguration<ScenarioRun>
{
    public void Configure(EntityTypeBuilder<ScenarioRun> builder)
    {
        builder.HasIndex(s => new { s.Scenario, s.CreatedAt });
        builder.HasIndex(s => s.BatchId);
        builder.Property(s => s.Scenario).HasMaxLength(64);
        builder.Property(s => s.WorkflowApplication).HasMaxLength(128);
        builder.Property(s => s.AgentApplication).HasMaxLength(128);
        builder.HasOne<Run>().WithMany().HasForeignKey(s => s.WorkflowRunId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Run>().WithMany().HasForeignKey(s => s.AgentRunId).OnDelete(DeleteBehavior.SetNull);
    }
}
