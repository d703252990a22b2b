using AbsoluteZero.Data.Checkpoints;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> checkpoint)
    {
        checkpoint.ToTable("checkpoints");
        checkpoint.Property(c => c.Id).UseIdentityAlwaysColumn();
        checkpoint.Property(c => c.Path).HasMaxLength(4096);
        checkpoint.Property(c => c.Metrics).HasColumnType("jsonb");
        checkpoint.HasOne<Run>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        checkpoint.HasIndex(c => new { c.RunId, c.Step }).IsUnique();
    }
}
