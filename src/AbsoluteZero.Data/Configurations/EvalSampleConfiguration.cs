using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class EvalSampleConfiguration : IEntityTypeConfiguration<EvalSample>
{
    public void Configure(EntityTypeBuilder<EvalSample> sample)
    {
        sample.ToTable("eval_samples");
        sample.Property(s => s.Id).UseIdentityAlwaysColumn();
        sample.Property(s => s.Benchmark).HasMaxLength(100);
        sample.Property(s => s.ProblemId).HasMaxLength(200);
        sample.HasOne<Run>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        sample.HasIndex(s => new { s.RunId, s.Benchmark, s.ProblemId, s.SampleIndex }).IsUnique();
    }
}
