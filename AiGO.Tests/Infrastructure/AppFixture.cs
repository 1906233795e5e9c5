using AiGO.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AiGO.Domain.Mail;

namespace AiGO.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, as in Development (demo data, /dev/mailbox), with its own
/// data folder and its mail going over SMTP to an in-process server. One per test collection.
/// </summary>
public sealed class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"aigo-app-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public SmtpSink Smtp { get; } = new SmtpSink().Start();

    public string BaseUrl { get; private set; } = "";

    public AppFixture() : this(new Dictionary<string, string>()) { }

    /// <summary>An app of its own with extra settings (e.g. a low rate limit); xunit uses the parameterless one.</summary>
    internal AppFixture(IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _services = services;
        UseKestrel(0);
    }

    public string DataFolder => _dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Data:Folder", _dataFolder);
        builder.UseSetting("Mail:Transport", "Smtp");
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", Smtp.Port.ToString());
        builder.UseSetting("Mail:Smtp:Security", "None");
        builder.UseSetting("Mail:PollInterval", "00:00:01");
        builder.UseSetting("Mail:FirstRetryDelay", "00:00:01");
        builder.UseSetting("Mail:MaxBackoff", "00:00:02");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test signs in from 127.0.0.1: the shared app must not throttle them (RateLimitTests has its own app).
        builder.UseSetting("RateLimiting:Accounts:PermitLimit", "100000");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/') + "/";
        // Links in mails point at this system's public address; here it is known only once Kestrel has a port.
        Services.GetRequiredService<IOptions<ProgrammeOfficeOptions>>().Value.SiteUrl = BaseUrl;
        return Task.CompletedTask;
    }

    public AiGoDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<AiGoDbContext>>().CreateDbContext();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}
