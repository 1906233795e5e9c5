using AiGO.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, as in Development (demo data, /dev/mailbox), with its own
/// data folder and its mail going over SMTP to an in-process server. One per test collection.
/// </summary>
public sealed class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"aigo-app-{Guid.NewGuid():N}");

    public SmtpSink Smtp { get; } = new SmtpSink().Start();

    public string BaseUrl { get; private set; } = "";

    public AppFixture() => UseKestrel(0);

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
    }

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/') + "/";
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
