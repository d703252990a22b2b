using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class MetricPointConfiguration : IEntityTypeConfiguration<MetricPoint>
{
    public void Configure(EntityTypeBuilder<MetricPoint> metric)
    {
        metric.ToTable("metrics");
        metric.HasKey(m => new { m.RunId, m.Name, m.Step });
        metric.Property(m => m.Name).HasMaxLength(200);
        metric.HasOne<Run>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
