using AbsoluteZero.Data.Conventions;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> run)
    {
        run.ToTable("runs");
        run.Property(r => r.Id).UseIdentityAlwaysColumn();
        run.Property(r => r.Name).HasMaxLength(200);
        run.HasSnakeCaseEnum(r => r.Kind, "kind");
        run.HasSnakeCaseEnum(r => r.Status, "status");
        run.Property(r => r.Preset).HasMaxLength(100);
        run.Property(r => r.Config).HasColumnType("jsonb");
        run.Property(r => r.Queue).HasMaxLength(50);
        run.Property(r => r.Owner).HasMaxLength(256);
        run.Property(r => r.Tags).HasColumnType("text[]");
        run.Property(r => r.JobId).HasMaxLength(100);
        run.Property(r => r.WorkerHost).HasMaxLength(256);
        run.Property(r => r.StopReason).HasMaxLength(50);
        run.Property(r => r.CancelRequestedBy).HasMaxLength(256);
        run.HasOne<Run>().WithMany().HasForeignKey(r => r.ParentRunId).OnDelete(DeleteBehavior.SetNull);
        run.HasIndex(r => r.Status);
        run.HasIndex(r => r.Owner);
        run.HasIndex(r => r.CreatedAt);
        run.HasIndex(r => r.Tags).HasMethod("gin");
    }
}
