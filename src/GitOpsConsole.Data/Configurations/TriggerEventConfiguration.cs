using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GitOpsConsole.Data.Configurations;

internal sealed class TriggerEventConfiguration : IEntityTypeConfiguration<TriggerEvent>
{
    public void Configure(EntityTypeBuilder<TriggerEvent> builder)
    {
        // The unique delivery id per source is what makes redelivered webhooks harmless.
        builder.HasIndex(e => new { e.Source, e.DeliveryId }).IsUnique();
        builder.HasIndex(e => new { e.ApplicationName, e.ReceivedAt });
        builder.Property(e => e.Source).HasMaxLength(32);
        builder.Property(e => e.DeliveryId).HasMaxLength(200);
        builder.Property(e => e.CommitSha).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(1000);
    }
}
