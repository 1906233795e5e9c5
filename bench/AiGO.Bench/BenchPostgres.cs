using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AiGO.Bench;

/// <summary>
/// The PostgreSQL server the benchmarks use: <c>AIGO_BENCH_POSTGRES</c> (a connection string to a server where the user
/// may create databases) or, without it, a private cluster started like test.sh's (Debian's postgresql package, trust
/// auth on loopback, default durability settings) and removed when the run ends. Each benchmark gets fresh databases.
/// </summary>
public static class BenchPostgres
{
    public const string Variable = "AIGO_BENCH_POSTGRES";

    private static string? _server;
    private static string? _folder;
    private static string? _bin;

    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await ServerAsync();
        var database = $"aigo_bench_{name}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        return new NpgsqlConnectionStringBuilder(server) { Database = database, Timeout = 120, CommandTimeout = 300, MaxPoolSize = 100 }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(_server!, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    public static async Task StopAsync()
    {
        if (_folder is null) return;
        NpgsqlConnection.ClearAllPools();
        await RunAsync($"{_bin}/pg_ctl -D {_folder}/data -m fast -w stop");
        try { Directory.Delete(_folder, true); } catch (IOException) { }
        _folder = null;
    }

    private static async Task<string> ServerAsync()
    {
        if (_server is not null) return _server;
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given) return _server = given;

        _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).LastOrDefault()
            ?? throw new InvalidOperationException($"No PostgreSQL found: apt-get install postgresql (./test.sh does), or set {Variable}.");
        _folder = Directory.CreateTempSubdirectory("aigo-bench-pg.").FullName;
        if (Environment.UserName == "root") await RunAsync($"chown postgres:postgres {_folder}", asPostgres: false);
        var port = FreePort();
        await RunAsync($"{_bin}/initdb -D {_folder}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        await RunAsync($"{_bin}/pg_ctl -D {_folder}/data -l {_folder}/log -w -o \"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB\" start");
        Console.WriteLine($"(PostgreSQL: a private cluster on 127.0.0.1:{port}; set {Variable} to use another server)");
        return _server = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RunAsync(string command, bool asPostgres = true)
    {
        var root = Environment.UserName == "root";
        var start = root && asPostgres
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", command])
            : new ProcessStartInfo("/bin/sh", ["-c", command]);
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} failed: {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
