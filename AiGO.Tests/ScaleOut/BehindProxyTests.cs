using System.Net;
using System.Net.Sockets;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.ScaleOut;

/// <summary>An app behind a reverse proxy at 127.0.0.1, with an account limit of 3 per minute per client.</summary>
public sealed class ProxiedApp : IAsyncLifetime
{
    public AppFixture App { get; } = new(new Dictionary<string, string>
    {
        ["Hosting:KnownProxies"] = "127.0.0.1",
        ["RateLimiting:Accounts:PermitLimit"] = "3",
        ["Demo:Seed"] = "false",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>The rate limits count the real client behind the configured proxy, and only the proxy may say who that is.</summary>
public class BehindProxyTests(ProxiedApp proxied) : IClassFixture<ProxiedApp>
{
    [Fact]
    public async Task Behind_the_proxy_each_client_has_its_own_limit()
    {
        using var proxy = Client(IPAddress.Loopback);

        // Four different clients through the proxy: none is throttled.
        for (var i = 1; i <= 4; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await SignInAsync(proxy, $"198.51.100.{i}"));
        // One client four times: the fourth is.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add(await SignInAsync(proxy, "198.51.100.200"));
        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task A_forwarded_address_from_a_client_that_is_not_the_proxy_is_ignored()
    {
        // 127.0.0.2 is this machine too, but not the configured proxy: its X-Forwarded-For must not buy fresh limits.
        using var stranger = Client(IPAddress.Parse("127.0.0.2"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 4; i++) statuses.Add(await SignInAsync(stranger, $"203.0.113.{i}"));

        Assert.All(statuses.Take(3), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    private async Task<HttpStatusCode> SignInAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["Input.Email"] = "nobody@example.tw", ["Input.Password"] = "whatever-123",
            }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>An HTTP client whose connections leave from <paramref name="source"/>.</summary>
    private HttpClient Client(IPAddress source) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = new Uri(proxied.App.BaseUrl) };
}
