using System.Security.Cryptography;
using System.Text;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using Microsoft.AspNetCore.DataProtection;

namespace AiGO.Web.Accounts;

/// <summary>
/// Encrypts 身分證字號 at rest and computes its keyed hash for duplicate look-ups.
/// Encryption uses ASP.NET Core Data Protection (authenticated AES-256-CBC + HMAC, keys already shared
/// through the database and rotated by the framework, old keys kept for decryption), so no key handling
/// of our own; the hash is HMAC-SHA256 with <c>Accounts:NationalIdHashKey</c>, because a lookup needs a
/// deterministic value that Data Protection's randomised output cannot give.
/// </summary>
public sealed class NationalIdProtector : INationalIdSealer
{
    private const string DevelopmentKey = "AiGO-development-only-national-id-hash-key";
    private readonly IDataProtector _protector;
    private readonly byte[] _hashKey;

    public NationalIdProtector(IDataProtectionProvider provider, IConfiguration configuration, IHostEnvironment env)
    {
        _protector = provider.CreateProtector("AiGO.Accounts.NationalId.v1");
        var key = configuration["Accounts:NationalIdHashKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            if (!env.IsDevelopment())
                throw new InvalidOperationException("Accounts:NationalIdHashKey must be set outside Development (a long random secret, never in git).");
            key = DevelopmentKey;
        }
        _hashKey = Encoding.UTF8.GetBytes(key);
    }

    public string Protect(NationalId id) => _protector.Protect(id.Value);

    public string? Unprotect(string? cipher) => cipher is null ? null : _protector.Unprotect(cipher);

    public string Hash(NationalId id) => Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.ASCII.GetBytes(id.Value)));

    /// <summary>Fills the stored columns from the clear-text number on the profile (or clears them).</summary>
    public void Seal(MemberProfile profile)
    {
        if (NationalId.Parse(profile.NationalId) is { IsValid: true, Value: { } id })
        {
            profile.NationalIdCipher = Protect(id);
            profile.NationalIdHash = Hash(id);
            profile.NationalIdMasked = id.Masked;
        }
        else
        {
            profile.NationalIdCipher = null;
            profile.NationalIdHash = null;
            profile.NationalIdMasked = null;
        }
    }

    /// <summary>Restores the clear-text number after loading, for the owner's own view.</summary>
    public void Open(MemberProfile profile) => profile.NationalId = Unprotect(profile.NationalIdCipher);
}
