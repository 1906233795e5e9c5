using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Office;
using AiGO.Web.Accounts;
using AiGO.Web.Excel;

namespace AiGO.Web.Office;

/// <summary>GET /office/reports.xlsx?year=: 報表 as Excel for the office; <see cref="SubsidyReport"/> decides and audits the export.</summary>
public static class ReportExportEndpoint
{
    public static string PathFor(int year) => $"office/reports.xlsx?year={year}";

    public static IEndpointConventionBuilder MapReportExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/office/reports.xlsx", ExportAsync).RequireAuthorization(policy => policy.RequireRole(Roles.Office));

    private static async Task<IResult> ExportAsync(int? year, HttpContext http, SubsidyReport report, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await report.ExportAsync(CurrentActor.From(http.User) ?? Actor.Visitor, year ?? clock.Today().Year, ct);
        if (outcome.Kind == OutcomeKind.Forbidden) return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (outcome.Value is not { } view) return Results.BadRequest(outcome.Message);
        using var file = new MemoryStream();
        ReportWorkbook.Write(file, view);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(file.ToArray(), AiGO.Web.Excel.XlsxCells.ContentType, ReportWorkbook.FileName(view.Year, clock.Today()));
    }
}
