using AbsoluteZero.Data;
using Microsoft.Extensions.Configuration;

namespace AbsoluteZero.Web.Hosting;

public static class ConnectionStrings
{
    /// <summary>The PostgreSQL connection string, or a clear error naming both places it can come from.</summary>
    public static string Postgres(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(AzrDatabase.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set: put it in appsettings.json or the environment variable " +
                "ConnectionStrings__Postgres (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=azr). " +
                "scripts/start sets it for a private cluster under .data/.");
        }

        return value;
    }
}
