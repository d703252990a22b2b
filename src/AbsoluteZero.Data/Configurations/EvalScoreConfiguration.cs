using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class EvalScoreConfiguration : IEntityTypeConfiguration<EvalScore>
{
    public void Configure(EntityTypeBuilder<EvalScore> score)
    {
        score.ToTable("eval_scores");
        score.Property(s => s.Id).UseIdentityAlwaysColumn();
        score.Property(s => s.Benchmark).HasMaxLength(100);
        score.Property(s => s.Metric).HasMaxLength(100);
        score.HasOne<Run>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => new { s.RunId, s.Benchmark, s.Metric }).IsUnique();
    }
}
