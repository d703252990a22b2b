using AbsoluteZero.Data.Conventions;
using AbsoluteZero.Data.Models;
using AbsoluteZero.Data.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AbsoluteZero.Data.Configurations;

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> model)
    {
        model.ToTable("models");
        model.Property(m => m.Id).UseIdentityAlwaysColumn();
        model.Property(m => m.Name).HasMaxLength(200);
        model.Property(m => m.Family).HasMaxLength(50);
        model.Property(m => m.Path).HasMaxLength(4096);
        model.Property(m => m.Source).HasMaxLength(1000);
        model.HasSnakeCaseEnum(m => m.Kind, "kind");
        // A checkpoint's model entry outlives the run row only as a plain folder reference.
        model.HasOne<Run>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.SetNull);
        model.HasIndex(m => m.Name).IsUnique();
    }
}
