using AiGO.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Bench;

/// <summary>
/// The real app on Kestrel at a free loopback port, as in Production (no demo, no dev tools), on SQLite in a folder of
/// its own or on a PostgreSQL database. <paramref name="services"/> lets a benchmark add what only the bench host has.
/// </summary>
public sealed class BenchHost(string? postgres = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("aigo-bench-").FullName;

    public string BaseUrl { get; private set; } = "";

    public static BenchHost Start(string? postgres = null, Action<IServiceCollection>? services = null)
    {
        var host = new BenchHost(postgres, services);
        host.UseKestrel(0);
        host.StartServer();
        host.BaseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return host;
    }

    /// <summary>The header the TLS-ending proxy adds; every client of the bench host sends it.</summary>
    public static readonly KeyValuePair<string, string> ForwardedHttps = new("X-Forwarded-Proto", "https");

    public AiGoDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<AiGoDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The browser benchmark needs blazor.web.js and MudBlazor's files from the build output, as Development serves them.
        builder.UseStaticWebAssets();
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Hosting:HttpsRedirection", "false");
        // As in production, TLS ends at a proxy: requests from loopback saying X-Forwarded-Proto: https count as https,
        // so the Secure-only antiforgery and sign-in cookies work as they do for real visitors.
        builder.UseSetting("Hosting:KnownProxies", "127.0.0.1");
        builder.UseSetting("Accounts:NationalIdHashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Accounts:NationalIdEncryption:CurrentKeyId", "bench");
        builder.UseSetting("Accounts:NationalIdEncryption:Keys:bench", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        // The key ring's certificate lives apart from the data, as in production.
        AiGO.Web.Hosting.KeyRing.DevelopmentCertificate(DataFolder + "-secrets").Dispose();
        builder.UseSetting("DataProtection:Certificate:Path", Path.Combine(DataFolder + "-secrets", AiGO.Web.Hosting.KeyRing.DevelopmentCertificateFile));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Critical");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        if (postgres is not null)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, true); } catch (IOException) { }
    }
}
