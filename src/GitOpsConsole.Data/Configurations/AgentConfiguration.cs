using GitOpsConsole.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GitOpsConsole.Data.Configurations;

internal sealed class TraceEntryConfiguration : IEntityTypeConfiguration<TraceEntry>
{
    public void Configure(EntityTypeBuilder<TraceEntry> builder)
    {
        builder.HasIndex(t => new { t.RunId, t.Sequence }).IsUnique();
        builder.HasOne<Run>().WithMany().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.ToolName).HasMaxLength(64);
        builder.Property(t => t.CallId).HasMaxLength(128);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.HasIndex(q => new { q.Status, q.ExpiresAt });
        builder.HasIndex(q => new { q.RunId, q.StepSequence }).IsUnique();
        builder.HasOne<Run>().WithMany().HasForeignKey(q => q.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(q => q.DefaultAnswer).HasMaxLength(256);
        builder.Property(q => q.AnsweredBy).HasMaxLength(128);
    }
}

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> builder)
    {
        builder.HasIndex(i => new { i.RunId, i.ReadAt });
        builder.HasOne<Run>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.SentBy).HasMaxLength(128);
    }
}
