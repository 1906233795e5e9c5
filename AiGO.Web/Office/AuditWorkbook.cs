using AiGO.Domain.Common;
using AiGO.Domain.Office;
using AiGO.Web.Excel;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AiGO.Web.Office;

/// <summary>稽核紀錄 as an .xlsx: one row per entry, newest first, every value a formula-safe text cell.</summary>
public static class AuditWorkbook
{
    public const string SheetName = "稽核紀錄";

    private static readonly string[] Headers = ["時間", "操作者", "操作者帳號編號", "動作", "動作代碼", "紀錄類型", "紀錄編號", "內容"];
    private static readonly double[] Widths = [18, 14, 38, 22, 24, 12, 38, 80];

    public static void Write(Stream output, AuditSheet sheet) =>
        XlsxCells.WriteSheet(output, SheetName, Headers, Widths, sheet.Rows.Select(e =>
            new[] { Taipei.Format(e.At), e.ActorName, e.ActorId ?? "", AuditActions.Label(e.Action), e.Action,
                    AuditActions.EntityLabel(e.EntityType), e.EntityId, e.Details }.Select(XlsxCells.TextCell)));

    public static string FileName(DateOnly today) => $"稽核紀錄_{today:yyyyMMdd}.xlsx";
}
