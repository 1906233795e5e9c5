using System.Security.Cryptography;

namespace AiGO.Web.Hosting;

/// <summary>
/// The headers every answer carries, pages, files, redirects and errors alike (OWASP ASVS 14.4). The policy is the
/// narrowest that Blazor Server and MudBlazor run under, checked in every browser test: scripts only from this site,
/// plus the one inline import map that <c>&lt;ImportMap&gt;</c> writes, allowed by a nonce fresh for each request.
/// Blazor Server needs no <c>'unsafe-eval'</c> or <c>'wasm-unsafe-eval'</c> (those are for WebAssembly).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "aigo.csp-nonce";

    public static string ContentSecurityPolicy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        // MudBlazor sets style attributes and writes its theme as an inline <style>; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        // The circuit's WebSocket goes to this site ('self' covers ws: and wss: on the same host).
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // No other site may frame a page (clickjacking); X-Frame-Options DENY says the same to older browsers.
        "frame-ancestors 'none'");

    /// <summary>The nonce of this request's policy, for the page's inline import map.</summary>
    public static string CspNonce(this HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders must run before the page renders.");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // An endpoint that wrote a whole policy of its own (a member's stored proof file, default-src 'none') keeps
            // it; Blazor's frame-ancestors-only policy for interactive pages gives way to this one, which includes it.
            if (!headers.ContentSecurityPolicy.ToString().Contains("default-src", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
