using AiGO.Domain.Mail;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Mail;

/// <summary>The address links in mails start with, when configuration does not give the public one.</summary>
public static class SiteAddress
{
    /// <summary>Sets <see cref="ProgrammeOfficeOptions.SiteUrl"/> to the first address Kestrel listens on (a wildcard host read as localhost).</summary>
    public static void UseListeningAddress(IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses?.FirstOrDefault();
        if (address is null) return;
        services.GetRequiredService<IOptions<ProgrammeOfficeOptions>>().Value.SiteUrl = Browsable(address);
    }

    /// <summary>http://[::]:5081 or http://0.0.0.0:5081 or http://+:5081 → http://localhost:5081/</summary>
    public static string Browsable(string address)
    {
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri.Host = "localhost";
        return uri.Uri.GetLeftPart(UriPartial.Authority) + "/";
    }
}
