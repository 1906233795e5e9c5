using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Import;
using AiGO.Web.Accounts;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Import;

/// <summary>
/// GET /org/courses/{id}/import/template.xlsx: the trainee template from the live code tables, for the course's own
/// 開課單位 and the office (<see cref="ImportTrainees.OpenAsync"/> decides). GET /org/courses/{id}/import/rejected/{token}.xlsx:
/// the rows a dry run or an import did not take, for the user who uploaded them.
/// </summary>
public static class ImportEndpoints
{
    public static string TemplatePath(int courseId) => $"org/courses/{courseId}/import/template.xlsx";

    public static IEndpointRouteBuilder MapTraineeImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/org/courses/{id:int}/import/template.xlsx", TemplateAsync).RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Office));
        endpoints.MapGet("/org/courses/{id:int}/import/rejected/{token}.xlsx", Rejected).RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Office));
        return endpoints;
    }

    private static async Task<IResult> TemplateAsync(int id, HttpContext http, ImportTrainees import, IOptions<ImportOptions> options, CancellationToken ct)
    {
        var outcome = await import.OpenAsync(CurrentActor.From(http.User) ?? Actor.Visitor, id, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (outcome.Value is not { } opened) return Results.NotFound();
        using var file = new MemoryStream();
        TraineeWorkbook.Write(file, opened.LiveCodes, [], options.Value.MaxRows);
        return Results.File(file.ToArray(), TraineeWorkbook.ContentType, TraineeWorkbook.TemplateFileName(opened.Course.Name));
    }

    private static IResult Rejected(int id, string token, HttpContext http, ImportDownloads downloads, IOptions<ImportOptions> options)
    {
        if (CurrentActor.From(http.User)?.Id is not { } userId || downloads.Find(userId, id, token) is not { } kept) return Results.NotFound();
        using var file = new MemoryStream();
        TraineeWorkbook.Write(file, kept.Codes, kept.Rows, options.Value.MaxRows);
        http.Response.Headers.CacheControl = "private, no-store"; // personal data: no copies in caches
        return Results.File(file.ToArray(), TraineeWorkbook.ContentType, TraineeWorkbook.RejectedFileName(kept.CourseName));
    }
}
