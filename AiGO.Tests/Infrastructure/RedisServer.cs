using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AiGO.Tests.Infrastructure;

/// <summary>
/// A real Redis server from Debian's redis-server package (test.sh installs it), on a free loopback port,
/// with nothing saved to disk; stopped when the tests end.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public string Configuration { get; private set; } = "";

    public async Task InitializeAsync()
    {
        const string binary = "/usr/bin/redis-server";
        if (!File.Exists(binary)) throw new InvalidOperationException("redis-server is not installed: run ./test.sh, which installs it.");
        var port = FreePort();
        _process = Process.Start(new ProcessStartInfo(binary, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        Configuration = $"127.0.0.1:{port}";
        for (var i = 0; i < 50; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(Configuration);
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException($"redis-server did not answer on {Configuration}");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill();
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
