using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>
/// <c>Accounts:NationalIdEncryption</c>: the AES-256 keys of 身分證字號 by key id (base64, 32 random bytes each) and
/// the id new values are written under. Older ids stay listed until <see cref="NationalIdProtector.RewrapAsync"/> has
/// moved every value off them.
/// </summary>
public sealed class NationalIdEncryptionOptions
{
    public string? CurrentKeyId { get; set; }
    public Dictionary<string, string> Keys { get; set; } = [];
}

/// <summary>
/// Encrypts 身分證字號 at rest with keys of its own from configuration (never in the database), and computes its keyed
/// hash for duplicate look-ups. A value is <c>nid1:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>, AES-256-GCM with
/// the key id as associated data, so the key can rotate: values under an older id stay readable, and the start-up
/// rewrite moves them to the current one. Values from before (Data Protection payloads) are read the old way until
/// that rewrite reaches them. The hash is HMAC-SHA256 with <c>Accounts:NationalIdHashKey</c> (≥ 32 random bytes).
/// </summary>
public sealed partial class NationalIdProtector : INationalIdSealer
{
    public const string Prefix = "nid1:";
    public const int MinimumHashKeyBytes = 32;
    private const string DevelopmentKeyId = "dev";
    private const int NonceBytes = 12, TagBytes = 16;

    private readonly IDataProtector _legacy;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _hashKey;

    public NationalIdProtector(IDataProtectionProvider provider, IConfiguration configuration, IHostEnvironment env, string dataFolder)
    {
        _legacy = provider.CreateProtector("AiGO.Accounts.NationalId.v1");
        var options = configuration.GetSection("Accounts:NationalIdEncryption").Get<NationalIdEncryptionOptions>() ?? new NationalIdEncryptionOptions();
        var hashKey = configuration["Accounts:NationalIdHashKey"];
        var development = env.IsDevelopment();
        if (options.Keys.Count == 0 && development)
            options = new NationalIdEncryptionOptions { CurrentKeyId = DevelopmentKeyId, Keys = { [DevelopmentKeyId] = DevelopmentSecret(dataFolder, "national-id-development.key") } };
        if (string.IsNullOrWhiteSpace(hashKey) && development)
            hashKey = DevelopmentSecret(dataFolder, "national-id-hash-development.key");

        if (string.IsNullOrWhiteSpace(options.CurrentKeyId) || !options.Keys.ContainsKey(options.CurrentKeyId))
            throw new InvalidOperationException("Accounts:NationalIdEncryption:CurrentKeyId must name one of Accounts:NationalIdEncryption:Keys (required outside Development; see SECURITY.md).");
        _keys = options.Keys.ToDictionary(k => k.Key, k => EncryptionKey(k.Key, k.Value));
        _currentKeyId = options.CurrentKeyId;
        _hashKey = HashKey(hashKey);
    }

    public string CurrentKeyId => _currentKeyId;

    public string Protect(NationalId id)
    {
        var plain = Encoding.ASCII.GetBytes(id.Value);
        var output = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes, plain.Length), output.AsSpan(NonceBytes + plain.Length), AssociatedData(_currentKeyId));
        return $"{Prefix}{_currentKeyId}:{Convert.ToBase64String(output)}";
    }

    /// <summary>The clear number; throws <see cref="CryptographicException"/> when the value's key is not configured or does not fit.</summary>
    public string? Unprotect(string? cipher)
    {
        if (cipher is null) return null;
        if (!cipher.StartsWith(Prefix, StringComparison.Ordinal)) return _legacy.Unprotect(cipher);
        var rest = cipher.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0) throw new CryptographicException("Malformed national ID value.");
        var keyId = rest[..colon].ToString();
        if (!_keys.TryGetValue(keyId, out var key))
            throw new CryptographicException($"National ID key '{keyId}' is not configured (Accounts:NationalIdEncryption:Keys).");
        var data = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        if (data.Length < NonceBytes + TagBytes) throw new CryptographicException("Malformed national ID value.");
        var plain = new byte[data.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(data.AsSpan(0, NonceBytes), data.AsSpan(NonceBytes, plain.Length), data.AsSpan(NonceBytes + plain.Length), plain, AssociatedData(keyId));
        return Encoding.ASCII.GetString(plain);
    }

    /// <summary>True when the value is already under the current key.</summary>
    public bool IsCurrent(string cipher) => cipher.StartsWith($"{Prefix}{_currentKeyId}:", StringComparison.Ordinal);

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

    /// <summary>
    /// The one-time rewrite after a key rotation (or from the Data Protection format): every value not under the
    /// current key is decrypted and written again under it, its hash with the current hash key. A value no
    /// configured key opens is left as it is and counted. Returns (rewritten, unreadable).
    /// </summary>
    public async Task<(int Rewritten, int Unreadable)> RewrapAsync(AiGoDbContext db, ILogger logger, CancellationToken ct = default)
    {
        var current = $"{Prefix}{_currentKeyId}:";
        int rewritten = 0, unreadable = 0;
        var skipped = new HashSet<string>();
        while (true)
        {
            var batch = await db.MemberProfiles
                .Where(p => p.NationalIdCipher != null && !p.NationalIdCipher.StartsWith(current) && !skipped.Contains(p.UserId))
                .OrderBy(p => p.UserId).Take(200).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var profile in batch)
            {
                try
                {
                    profile.NationalId = Unprotect(profile.NationalIdCipher);
                    Seal(profile);
                    rewritten++;
                }
                catch (Exception ex) when (ex is CryptographicException or FormatException)
                {
                    skipped.Add(profile.UserId);
                    unreadable++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (rewritten > 0) logger.LogInformation("Rewrote {Count} national IDs under key {KeyId}.", rewritten, _currentKeyId);
        if (unreadable > 0) logger.LogError("{Count} national IDs are under a key that is not configured; they stay unreadable until it is (Accounts:NationalIdEncryption:Keys).", unreadable);
        return (rewritten, unreadable);
    }

    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes(Prefix + keyId);

    private static byte[] EncryptionKey(string id, string base64)
    {
        if (!KeyIdPattern().IsMatch(id))
            throw new InvalidOperationException($"Accounts:NationalIdEncryption:Keys: the key id '{id}' may hold only letters, digits, '-' and '_' (at most 32).");
        var key = Decode(base64, $"Accounts:NationalIdEncryption:Keys:{id}");
        if (key.Length != 32)
            throw new InvalidOperationException($"Accounts:NationalIdEncryption:Keys:{id} must be 32 random bytes in base64 (AES-256); it has {key.Length}.");
        RequireRandom(key, $"Accounts:NationalIdEncryption:Keys:{id}");
        return key;
    }

    private static byte[] HashKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException("Accounts:NationalIdHashKey must be set outside Development: at least 32 random bytes in base64 (see SECURITY.md).");
        var key = Decode(base64, "Accounts:NationalIdHashKey");
        if (key.Length < MinimumHashKeyBytes)
            throw new InvalidOperationException($"Accounts:NationalIdHashKey must be at least {MinimumHashKeyBytes} random bytes in base64; it has {key.Length}.");
        RequireRandom(key, "Accounts:NationalIdHashKey");
        return key;
    }

    private static byte[] Decode(string base64, string name)
    {
        try { return Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{name} must be base64 (e.g. `openssl rand -base64 32`)."); }
    }

    /// <summary>A typed phrase or a repeated byte is not a key: 32 random bytes hold well over 16 distinct values.</summary>
    private static void RequireRandom(byte[] key, string name)
    {
        if (key.Distinct().Count() < 16)
            throw new InvalidOperationException($"{name} does not look random: generate it with `openssl rand -base64 32`.");
    }

    /// <summary>Development only: a random secret made once under the data folder's keys/ (0600).</summary>
    private static string DevelopmentSecret(string dataFolder, string fileName)
    {
        var folder = PrivateFiles.Folder(Path.Combine(dataFolder, "keys"));
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path)) PrivateFiles.WriteAllBytes(path, Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        PrivateFiles.Restrict(path);
        return File.ReadAllText(path);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex KeyIdPattern();
}
