using AiGO.Domain.Organisers;
using DocumentFormat.OpenXml.Spreadsheet;
using AiGO.Web.Excel;
using static AiGO.Web.Excel.XlsxCells;

namespace AiGO.Web.Organisers;

/// <summary>
/// 申請名單 as an .xlsx, written row by row with the Open XML SDK's streaming writer, in formula-safe text cells
/// (<see cref="Excel.XlsxCells"/>).
/// </summary>
public static class ApplicantWorkbook
{
    public const string ContentType = Excel.XlsxCells.ContentType;
    public const string SheetName = "申請名單";

    private static readonly string[] Headers =
        ["序號", "姓名", "身分證字號", "身分別", "申請狀態", "補助額度", "手機", "聯絡電話", "E-mail", "申請時間", "結訓尚缺"];

    private static readonly double[] Widths = [6, 12, 14, 12, 16, 10, 13, 13, 30, 18, 24];

    /// <param name="openNationalId">Opens a stored national-ID cipher; used only for a full export.</param>
    public static void Write(Stream output, ApplicantSheet sheet, Func<string, string?> openNationalId) =>
        WriteSheet(output, SheetName, Headers, Widths, sheet.Rows.Select((r, i) =>
        {
            var nationalId = sheet.FullNationalIds && r.NationalIdCipher is { } cipher ? openNationalId(cipher) ?? r.MaskedNationalId : r.MaskedNationalId;
            return (IEnumerable<Cell>)[Number(i + 1), .. new[] { r.Name, nationalId, r.Identity, r.Status }.Select(TextCell), Number(r.Subsidy),
                .. new[] { r.Mobile, r.Phone, r.Email, r.SubmittedAt, r.Lacking }.Select(TextCell)];
        }));

    /// <summary>A file name for the download: the course's name with what a file system refuses replaced.</summary>
    public static string FileName(ApplicantSheet sheet, DateOnly today)
    {
        var course = SafeFileName(sheet.Course.Name);
        return $"申請名單_{course}{(sheet.FullNationalIds ? "_含身分證字號" : "")}_{today:yyyyMMdd}.xlsx";
    }
}
