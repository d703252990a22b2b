using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class RunLogLineConfiguration : IEntityTypeConfiguration<RunLogLine>
{
    public void Configure(EntityTypeBuilder<RunLogLine> line)
    {
        line.ToTable("run_logs", t => t.HasCheckConstraint("ck_run_logs_level", "level IN ('info', 'warning', 'error')"));
        line.Property(l => l.Id).UseIdentityAlwaysColumn();
        line.Property(l => l.Level).HasMaxLength(20);
        line.HasOne<Run>().WithMany().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
        // Reading a log is "this run's lines after id N".
        line.HasIndex(l => new { l.RunId, l.Id });
    }
}
