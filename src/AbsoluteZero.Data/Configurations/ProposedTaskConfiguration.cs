using AbsoluteZero.Core.Tasks;
using AbsoluteZero.Data.Conventions;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Data.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class ProposedTaskConfiguration : IEntityTypeConfiguration<ProposedTask>
{
    public void Configure(EntityTypeBuilder<ProposedTask> task)
    {
        task.ToTable("tasks", t => t.HasCheckConstraint("ck_tasks_origin", "origin IN ('seed', 'proposed')"));
        task.Property(t => t.Id).UseIdentityAlwaysColumn();
        task.HasSnakeCaseEnum<ProposedTask, TaskType>(t => t.TaskType, "task_type");
        task.Property(t => t.Origin).HasMaxLength(20);
        task.Property(t => t.ProposerDetail).HasColumnType("jsonb");
        task.Property(t => t.Inputs).HasColumnType("jsonb");
        task.Property(t => t.Outputs).HasColumnType("jsonb");
        task.Property(t => t.SolverAnswers).HasColumnType("jsonb");
        task.Property(t => t.Imports).HasColumnType("jsonb");
        task.Property(t => t.FailureReason).HasMaxLength(2000);
        task.HasOne<Run>().WithMany().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        // The buffer-at-step query: tasks of a run added at step ≤ s, by type.
        task.HasIndex(t => new { t.RunId, t.TaskType, t.Step });
        task.HasIndex(t => new { t.RunId, t.Step });
    }
}
