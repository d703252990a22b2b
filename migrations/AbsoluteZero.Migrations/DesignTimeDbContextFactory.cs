using AbsoluteZero.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AbsoluteZero.Migrations;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the web host. Adding a migration never
/// connects, so the connection string only matters for <c>dotnet ef database update</c>.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AzrDbContext>
{
    public AzrDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? "Host=127.0.0.1;Database=azr_design;Username=postgres";
        var options = new DbContextOptionsBuilder<AzrDbContext>();
        AzrDatabase.Configure(options, connectionString);
        return new AzrDbContext(options.Options);
    }
}
