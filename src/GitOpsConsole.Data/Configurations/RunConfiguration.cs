using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GitOpsConsole.Data.Configurations;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.HasIndex(r => new { r.ApplicationId, r.CreatedAt });
        builder.HasIndex(r => r.Status);
        // One run per event and engine even when two replicas queue it at once (a follower's API and the leader's sweep).
        builder.HasIndex(r => new { r.TriggerEventId, r.Engine }).IsUnique();
        builder.HasOne(r => r.Application).WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.TriggerEvent).WithMany().HasForeignKey(r => r.TriggerEventId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.CommitSha).HasMaxLength(64);
        builder.Property(r => r.DeployCommitSha).HasMaxLength(64);
        builder.Property(r => r.RollbackCommitSha).HasMaxLength(64);
        builder.Property(r => r.Image).HasMaxLength(512);
        builder.Property(r => r.Provider).HasMaxLength(32);
        builder.Property(r => r.Model).HasMaxLength(128);
        builder.Property(r => r.CancelRequestedBy).HasMaxLength(128);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StepConfiguration : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> builder)
    {
        builder.HasIndex(s => new { s.RunId, s.Sequence }).IsUnique();
        builder.Property(s => s.Tool).HasMaxLength(64);
    }
}
