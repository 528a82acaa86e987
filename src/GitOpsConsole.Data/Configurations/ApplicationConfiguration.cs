using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GitOpsConsole.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.HasIndex(a => a.Name).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(63);
        builder.Property(a => a.Environment).HasMaxLength(63);
        builder.Property(a => a.Namespace).HasMaxLength(63);
        builder.Property(a => a.RepositoryUrl).HasMaxLength(2048);
        builder.Ignore(a => a.EffectiveSelfHeal);
        builder.OwnsOne(a => a.ImagePolicy, policy =>
        {
            policy.Property(p => p.Strategy).HasConversion<string>().HasMaxLength(32);
            policy.Ignore(p => p.Details);
        });
    }
}
