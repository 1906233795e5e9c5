using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AiGO.Web.Hosting;

/// <summary>
/// Behind a reverse proxy: the client's address and scheme come from X-Forwarded-For and X-Forwarded-Proto, believed
/// only when the request arrives from a proxy listed in <c>Hosting:KnownProxies</c> (addresses) or
/// <c>Hosting:KnownNetworks</c> (CIDR ranges). With neither set the headers are ignored, so a client cannot pick the
/// address its rate limit counts against.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddAiGoForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration, "Hosting:KnownProxies").Select(IPAddress.Parse).ToList();
        var networks = Values(configuration, "Hosting:KnownNetworks").Select(System.Net.IPNetwork.Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default, and trusts everyone when both lists are empty: only ours count.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>First in the pipeline, so the rate limits, HTTPS redirection and the sign-in audit see the real client.</summary>
    public static void UseAiGoForwardedHeaders(this WebApplication app)
    {
        if (Values(app.Configuration, "Hosting:KnownProxies").Length > 0 || Values(app.Configuration, "Hosting:KnownNetworks").Length > 0)
            app.UseForwardedHeaders();
    }

    /// <summary>A list either as array entries (<c>Hosting:KnownProxies:0</c>) or one comma-separated value (<c>Hosting__KnownProxies=10.0.0.5,10.0.0.6</c>).</summary>
    private static string[] Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return items.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
    }
}
