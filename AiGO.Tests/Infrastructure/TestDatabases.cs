using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AiGO.Tests.Infrastructure;

/// <summary>
/// The providers a database test runs on: SQLite always, PostgreSQL when AIGO_TEST_POSTGRES holds a connection
/// string to a server where the user may create databases (./test.sh starts one and sets it).
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "AIGO_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs : null;

    public static TheoryData<DatabaseProvider> Providers
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (PostgresServer is not null) data.Add(DatabaseProvider.Postgres);
            return data;
        }
    }

    /// <summary>Creates an empty database of its own; disposing drops it.</summary>
    public static async Task<EmptyDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"aigo-test-{Guid.NewGuid():N}.db");
            return new EmptyDatabase(provider, $"Data Source={file};Default Timeout=60;Pooling=False", () =>
            {
                foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
                return Task.CompletedTask;
            });
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = $"aigo_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        // Racing tests queue hundreds of transactions behind one row lock: let them wait for a pooled connection.
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, Timeout = 120, CommandTimeout = 120 }.ConnectionString;
        return new EmptyDatabase(provider, cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
    }
}

public sealed class EmptyDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    public AiGoDbContext CreateContext() => DatabaseSetup.Create(Provider, ConnectionString);

    /// <summary>An empty database with every migration applied.</summary>
    public async Task<EmptyDatabase> MigrateAsync()
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
        return this;
    }

    public ValueTask DisposeAsync() => new(drop());
}
