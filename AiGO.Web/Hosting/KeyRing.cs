using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AiGO.Web.Hosting;

/// <summary>One PFX file: where it is and the password that opens it.</summary>
public sealed class CertificateFile
{
    public string? Path { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// <c>DataProtection</c>: the certificate that encrypts the key ring at rest, and the certificates of earlier
/// rotations that may still decrypt keys written under them.
/// </summary>
public sealed class KeyRingOptions
{
    public CertificateFile Certificate { get; set; } = new();
    public List<CertificateFile> PreviousCertificates { get; set; } = [];
}

/// <summary>
/// The Data Protection key ring (cookies, tokens, wizard drafts) is shared through the database and encrypted there
/// with an X.509 certificate that is not in the database (ProtectKeysWithCertificate, as ASP.NET Core documents for
/// Linux). Outside Development the certificate is required; in Development one is made once under the data folder's
/// keys/ (0600), so a copy of the database file alone opens nothing.
/// </summary>
public static class KeyRing
{
    public const string DevelopmentCertificateFile = "dataprotection-development.pfx";

    public static IDataProtectionBuilder AddAiGoDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment env, string dataFolder)
    {
        var options = configuration.GetSection("DataProtection").Get<KeyRingOptions>() ?? new KeyRingOptions();
        X509Certificate2 current;
        if (!string.IsNullOrWhiteSpace(options.Certificate.Path))
            current = Load(options.Certificate);
        else if (env.IsDevelopment())
            current = DevelopmentCertificate(Path.Combine(dataFolder, "keys"));
        else
            throw new InvalidOperationException(
                "DataProtection:Certificate:Path must be set outside Development: a PFX file (not in the database, not in git) that encrypts the Data Protection key ring. See SECURITY.md.");
        var previous = options.PreviousCertificates.Where(c => !string.IsNullOrWhiteSpace(c.Path)).Select(Load);
        return services.AddDataProtection()
            .SetApplicationName("AiGO")
            .PersistKeysToDbContext<AiGoDbContext>()
            .ProtectKeysWithCertificate(current)
            // The decryptor looks for the certificate in the machine's stores unless it is named here (Linux has none).
            .UnprotectKeysWithAnyCertificate([current, .. previous]);
    }

    public static X509Certificate2 Load(CertificateFile file)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(file.Path!, file.Password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"The certificate {file.Path} has no private key: the key ring could not be decrypted with it.");
        return certificate;
    }

    /// <summary>A self-signed RSA certificate made once per data folder, for Development only.</summary>
    public static X509Certificate2 DevelopmentCertificate(string folder)
    {
        PrivateFiles.Folder(folder);
        var path = Path.Combine(folder, DevelopmentCertificateFile);
        if (!File.Exists(path))
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=AiGO Data Protection (Development)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
            PrivateFiles.WriteAllBytes(path, made.Export(X509ContentType.Pkcs12));
        }
        PrivateFiles.Restrict(path);
        return Load(new CertificateFile { Path = path });
    }
}
