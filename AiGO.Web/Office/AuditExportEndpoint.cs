using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Office;
using AiGO.Web.Accounts;
using AiGO.Web.Excel;

namespace AiGO.Web.Office;

/// <summary>
/// GET /office/audit.xlsx with 稽核紀錄's own query string: the filtered log as Excel. <see cref="AuditLogQuery"/>
/// decides who may (the office) and writes the export itself to the log.
/// </summary>
public static class AuditExportEndpoint
{
    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/office/audit.xlsx", ExportAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Office));

    private static async Task<IResult> ExportAsync(string? who, string? action, string? type, string? id, string? from, string? to,
        HttpContext http, AuditLogQuery log, TimeProvider clock, CancellationToken ct)
    {
        var filter = AuditQueryString.Parse(who, action, type, id, from, to, page: null);
        var outcome = await log.ExportAsync(CurrentActor.From(http.User) ?? Actor.Visitor, filter, ct);
        if (outcome.Value is not { } sheet) return Results.StatusCode(StatusCodes.Status403Forbidden);

        using var file = new MemoryStream();
        AuditWorkbook.Write(file, sheet);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file.ToArray(), XlsxCells.ContentType, AuditWorkbook.FileName(clock.Today()));
    }
}
