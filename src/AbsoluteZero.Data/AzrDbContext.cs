using AbsoluteZero.Data.Checkpoints;
using AbsoluteZero.Data.Evaluation;
using AbsoluteZero.Data.Identity;
using AbsoluteZero.Data.Models;
using AbsoluteZero.Data.Runs;
using AbsoluteZero.Data.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AbsoluteZero.Data;

/// <summary>
/// Everything durable (DESIGN.md §4) plus the ASP.NET Core Identity tables. Table and column names are snake_case;
/// each table's mapping is in <c>Configurations/</c>.
/// </summary>
public sealed class AzrDbContext(DbContextOptions<AzrDbContext> options) : IdentityDbContext<AzrUser>(options)
{
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<MetricPoint> Metrics => Set<MetricPoint>();
    public DbSet<RunLogLine> RunLogs => Set<RunLogLine>();
    public DbSet<ProposedTask> Tasks => Set<ProposedTask>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<RegisteredModel> Models => Set<RegisteredModel>();
    public DbSet<EvalSample> EvalSamples => Set<EvalSample>();
    public DbSet<EvalScore> EvalScores => Set<EvalScore>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AzrDbContext).Assembly);

        // Identity names its tables AspNet*; the rest of the schema is snake_case, so these follow.
        builder.Entity<AzrUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
    }
}
