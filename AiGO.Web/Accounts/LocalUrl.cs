namespace AiGO.Web.Accounts;

/// <summary>
/// Where a <c>ReturnUrl</c> may send someone after signing in or out: a page of this site, written relative to its
/// base (<c>my/courses?x=1</c>) or absolute on its own base address. Anything else — another site (<c>https://…</c>,
/// <c>//host</c>, <c>/\host</c>, which browsers read as <c>//host</c>), a <c>javascript:</c> or other scheme, a
/// control character — gives <c>""</c>, the home page: a safe redirect, never an error.
/// </summary>
public static class LocalUrl
{
    /// <returns>The base-relative path (no leading slash), or "" for the home page.</returns>
    public static string BaseRelative(string? url, string baseUri)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(char.IsControl)) return "";
        if (url.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
            url = url[baseUri.Length..];
        else if (Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith('/'))
            return ""; // an absolute address elsewhere, or a scheme such as javascript:
        if (url.Contains('\\') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("~//", StringComparison.Ordinal)) return "";
        if (url.StartsWith("~/", StringComparison.Ordinal)) url = url[2..];
        else if (url.StartsWith('/')) url = url[1..];
        // A scheme before the first path, query or fragment character ("javascript:…", "data:…").
        var end = url.IndexOfAny(['/', '?', '#']);
        return url.AsSpan(0, end < 0 ? url.Length : end).Contains(':') ? "" : url;
    }
}
