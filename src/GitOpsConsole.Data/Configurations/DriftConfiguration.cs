using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GitOpsConsole.Data.Configurations;

internal sealed class DriftFindingConfiguration : IEntityTypeConfiguration<DriftFinding>
{
    public void Configure(EntityTypeBuilder<DriftFinding> builder)
    {
        builder.HasIndex(f => new { f.ApplicationId, f.ResolvedAt });
        builder.HasOne(f => f.Application).WithMany().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Group).HasMaxLength(253);
        builder.Property(f => f.Kind).HasMaxLength(63);
        builder.Property(f => f.Namespace).HasMaxLength(63);
        builder.Property(f => f.Name).HasMaxLength(253);
        builder.Property(f => f.Path).HasMaxLength(1024);
        builder.Property(f => f.ResolvedBy).HasMaxLength(128);
    }
}

internal sealed class DriftIgnoreRuleConfiguration : IEntityTypeConfiguration<DriftIgnoreRule>
{
    public void Configure(EntityTypeBuilder<DriftIgnoreRule> builder)
    {
        builder.HasIndex(r => r.ApplicationId);
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Group).HasMaxLength(253);
        builder.Property(r => r.Kind).HasMaxLength(63);
        builder.Property(r => r.Name).HasMaxLength(253);
        builder.Property(r => r.JsonPointer).HasMaxLength(1024);
        builder.Property(r => r.CreatedBy).HasMaxLength(128);
    }
}

internal sealed class SyncRecordConfiguration : IEntityTypeConfiguration<SyncRecord>
{
    public void Configure(EntityTypeBuilder<SyncRecord> builder)
    {
        builder.HasIndex(s => new { s.ApplicationId, s.StartedAt });
        builder.HasOne<Application>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Revision).HasMaxLength(64);
        builder.Property(s => s.InitiatedBy).HasMaxLength(128);
    }
}

internal sealed class StatusSnapshotConfiguration : IEntityTypeConfiguration<StatusSnapshot>
{
    public void Configure(EntityTypeBuilder<StatusSnapshot> builder)
    {
        builder.HasKey(s => s.ApplicationId);
        builder.HasIndex(s => s.Version);
        builder.HasOne<Application>().WithOne().HasForeignKey<StatusSnapshot>(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncRequestConfiguration : IEntityTypeConfiguration<SyncRequest>
{
    public void Configure(EntityTypeBuilder<SyncRequest> builder)
    {
        builder.HasIndex(r => r.StartedAt);
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Revision).HasMaxLength(64);
        builder.Property(r => r.InitiatedBy).HasMaxLength(128);
        builder.Property(r => r.Message).HasMaxLength(Operator.SyncRequests.MessageLength);
    }
}
