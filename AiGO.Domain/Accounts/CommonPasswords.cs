using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace AiGO.Domain.Accounts;

/// <summary>
/// OWASP ASVS 2.1.7: passwords found in breaches. The list is the 100,000 most common passwords of SecLists'
/// <c>10-million-password-list-top-100000.txt</c> (see SECURITY.md for its source and licence), shipped
/// gzip-compressed inside this assembly and read once per process. It is held as one sorted block of UTF-8 bytes
/// with an offset per entry (about 1.2 MB) rather than 100,000 strings in a HashSet (about 6 MB).
/// Matching ignores letter case: <c>Password</c> is as common as <c>password</c>.
/// </summary>
public sealed class CommonPasswords
{
    public const string ResourceName = "AiGO.Domain.Accounts.common-passwords.txt.gz";

    private static readonly Lazy<CommonPasswords> Bundled = new(() =>
    {
        using var gz = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var text = new GZipStream(gz, CompressionMode.Decompress);
        return Read(text);
    });

    private readonly byte[] _bytes;
    private readonly int[] _starts; // entry i is _bytes[_starts[i] .. _starts[i + 1]]

    private CommonPasswords(byte[] bytes, int[] starts) => (_bytes, _starts) = (bytes, starts);

    /// <summary>The list shipped with the app.</summary>
    public static CommonPasswords Default => Bundled.Value;

    /// <summary>How many distinct passwords (ignoring case) the list holds.</summary>
    public int Count => _starts.Length - 1;

    /// <summary>Reads one password per line (UTF-8); blank lines are skipped.</summary>
    public static CommonPasswords Read(Stream text)
    {
        var entries = new List<byte[]>(100_000);
        using (var reader = new StreamReader(text, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
                if (line.Length > 0) entries.Add(Encoding.UTF8.GetBytes(line.ToLowerInvariant()));
        }
        entries.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));

        var bytes = new byte[entries.Sum(e => e.Length)];
        var starts = new List<int>(entries.Count + 1);
        var at = 0;
        byte[]? previous = null;
        foreach (var entry in entries)
        {
            if (previous is not null && entry.AsSpan().SequenceEqual(previous)) continue;
            starts.Add(at);
            entry.CopyTo(bytes, at);
            at += entry.Length;
            previous = entry;
        }
        starts.Add(at);
        return new CommonPasswords(bytes[..at], [.. starts]);
    }

    public bool Contains(string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        var wanted = Encoding.UTF8.GetBytes(password.ToLowerInvariant()).AsSpan();
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var order = _bytes.AsSpan(_starts[mid], _starts[mid + 1] - _starts[mid]).SequenceCompareTo(wanted);
            if (order == 0) return true;
            if (order < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }
}

/// <summary>Refuses a password found in <see cref="CommonPasswords"/>, saying why.</summary>
public sealed class CommonPasswordValidator(CommonPasswords list) : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(list.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = ZhTwIdentityErrorDescriber.PasswordTooCommon })
            : IdentityResult.Success);
}
