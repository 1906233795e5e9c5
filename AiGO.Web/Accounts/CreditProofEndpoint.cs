using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace AiGO.Web.Accounts;

/// <summary>
/// GET /office/credits/{id}/proof: the office views an uploaded learning-credit proof in the browser. Office only (the
/// route's policy, then the domain's own check); the file is sent as stored, under its stored type, never sniffed, with
/// a policy that lets the browser show an image or a PDF and run nothing else. Each read is audited.
/// </summary>
public static class CreditProofEndpoint
{
    /// <summary>What a PDF or an image viewer needs, and nothing more: no scripts, no connections, no forms.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    public static string PathFor(int creditId) => $"office/credits/{creditId}/proof";

    public static IEndpointConventionBuilder MapCreditProof(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/office/credits/{id:int}/proof", ServeAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Office));

    private static async Task<IResult> ServeAsync(int id, HttpContext http, CreditReviewQueue queue, UploadFolder folder, CancellationToken ct)
    {
        var outcome = await queue.OpenProofAsync(CurrentActor.From(http.User) ?? Actor.Visitor, id, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (outcome.Value is not { } proof) return Results.NotFound();
        var path = Path.GetFullPath(folder.FullPath(proof.StoredName));
        if (!File.Exists(path)) return Results.NotFound();

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(proof.OriginalName);
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "private, no-store"; // a member's personal document: no copies in caches
        headers["Referrer-Policy"] = "no-referrer";
        return Results.File(path, proof.ContentType, enableRangeProcessing: true);
    }
}
