using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Organisers;
using AiGO.Web.Accounts;

namespace AiGO.Web.Organisers;

/// <summary>
/// GET /org/courses/{id}/applicants.xlsx?full=false&amp;status=…: 申請名單 as Excel, for the course's own 開課單位 and the
/// office. The route lets staff in; <see cref="ApplicantExport"/> decides (403 for another organiser's course, 404 for
/// no course) and audits the export. National IDs are masked unless <c>full=true</c>.
/// </summary>
public static class ApplicantExportEndpoint
{
    public static string PathFor(int courseId, bool full, ApplicationStatus? status = null) =>
        $"org/courses/{courseId}/applicants.xlsx?full={(full ? "true" : "false")}" + (status is { } s ? $"&status={s}" : "");

    public static IEndpointConventionBuilder MapApplicantExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/org/courses/{id:int}/applicants.xlsx", ExportAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Organiser, Roles.Office));

    private static async Task<IResult> ExportAsync(int id, bool? full, string? status, HttpContext http, ApplicantExport export,
        NationalIdProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var filter = Enum.TryParse<ApplicationStatus>(status, out var s) ? s : (ApplicationStatus?)null;
        var outcome = await export.ExportAsync(CurrentActor.From(http.User) ?? Actor.Visitor, id, full == true, filter, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (outcome.Value is not { } sheet) return Results.NotFound();

        using var file = new MemoryStream();
        ApplicantWorkbook.Write(file, sheet, protector.Unprotect);
        http.Response.Headers.CacheControl = "private, no-store"; // personal data: no copies in caches
        return Results.File(file.ToArray(), ApplicantWorkbook.ContentType, ApplicantWorkbook.FileName(sheet, clock.Today()));
    }
}
