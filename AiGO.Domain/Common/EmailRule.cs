using System.Text.RegularExpressions;

namespace AiGO.Domain.Common;

/// <summary>
/// An e-mail address as a browser's <c>type=email</c> accepts it (the WHATWG rule), with a dot in the domain: no
/// display names, spaces, brackets or second @, so an address is never also markup or a header.
/// </summary>
public static partial class EmailRule
{
    public const int MaxLength = 256;

    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= MaxLength } s && Whatwg().IsMatch(s) && s[(s.IndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex Whatwg();
}
