using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Domain.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses the provider from configuration (<c>Database:Provider</c>) and registers the context factory.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <param name="dataFolder">The app's data folder; the default SQLite file lives there.</param>
    public static IServiceCollection AddAiGoDatabase(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var provider = ProviderFrom(configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContextFactory<PostgresAiGoDbContext>(o => ConfigurePostgres(o, cs));
            services.AddSingleton<IDbContextFactory<AiGoDbContext>, ContextFactory<PostgresAiGoDbContext>>();
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite") ?? SqliteConnectionString(dataFolder);
            // The file lives in the data folder: a registered guard refuses saves once that folder is gone or read-only.
            services.AddDbContextFactory<SqliteAiGoDbContext>((sp, o) =>
            {
                ConfigureSqlite(o, cs);
                if (sp.GetService<IStorageGuard>() is { } guard) o.AddInterceptors(new StorageGuardInterceptor(guard));
            });
            services.AddSingleton<IDbContextFactory<AiGoDbContext>, ContextFactory<SqliteAiGoDbContext>>();
        }
        // Identity's stores and request-scoped code take one context per scope (per circuit in Blazor Server).
        services.AddScoped<AiGoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<AiGoDbContext>>().CreateDbContext());
        return services;
    }

    public static string SqliteConnectionString(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        // A generous busy timeout: writers queue behind BEGIN IMMEDIATE instead of failing.
        return $"Data Source={Path.Combine(dataFolder, "aigo.db")};Default Timeout=60";
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) => o.UseSqlite(connectionString);

    // No retrying execution strategy: the services run their own transactions (cap and seat checks) and a
    // blind replay of one could double-book; they retry serialization failures themselves where it is safe.
    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) => o.UseNpgsql(connectionString);

    public static AiGoDbContext Create(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var b = new DbContextOptionsBuilder<PostgresAiGoDbContext>();
            ConfigurePostgres(b, connectionString);
            return new PostgresAiGoDbContext(b.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteAiGoDbContext>();
        ConfigureSqlite(s, connectionString);
        return new SqliteAiGoDbContext(s.Options);
    }

    private sealed class ContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<AiGoDbContext> where T : AiGoDbContext
    {
        public AiGoDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteAiGoDbContext</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAiGoDbContext>
{
    public SqliteAiGoDbContext CreateDbContext(string[] args) =>
        (SqliteAiGoDbContext)DatabaseSetup.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresAiGoDbContext</c>; never connects.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAiGoDbContext>
{
    public PostgresAiGoDbContext CreateDbContext(string[] args) =>
        (PostgresAiGoDbContext)DatabaseSetup.Create(DatabaseProvider.Postgres, "Host=localhost;Database=aigo_design");
}
