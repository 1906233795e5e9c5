using AiGO.Domain.Organisers;
using AiGO.Web.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static AiGO.Web.Excel.WorkbookCells;

namespace AiGO.Web.Organisers;

/// <summary>
/// 申請名單 as an .xlsx, written row by row with the Open XML SDK's streaming writer; its cells are
/// <see cref="WorkbookCells"/>' (text never a formula).
/// </summary>
public static class ApplicantWorkbook
{
    public const string ContentType = WorkbookCells.ContentType;
    public const string SheetName = "申請名單";

    private static readonly string[] Headers =
        ["序號", "姓名", "身分證字號", "身分別", "申請狀態", "補助額度", "手機", "聯絡電話", "E-mail", "申請時間", "結訓尚缺"];

    private static readonly double[] Widths = [6, 12, 14, 12, 16, 10, 13, 13, 30, 18, 24];

    /// <param name="openNationalId">Opens a stored national-ID cipher; used only for a full export.</param>
    public static void Write(Stream output, ApplicantSheet sheet, Func<string, string?> openNationalId)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        AddStyles(workbook);
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = SheetName }));

        using var writer = OpenXmlWriter.Create(worksheet);
        writer.WriteStartElement(new Worksheet());
        WriteColumns(writer, Widths);
        writer.WriteStartElement(new SheetData());

        writer.WriteStartElement(new Row { RowIndex = 1 });
        foreach (var title in Headers) writer.WriteElement(Text(title, HeaderStyle));
        writer.WriteEndElement();

        var number = 0;
        foreach (var r in sheet.Rows)
        {
            number++;
            var nationalId = sheet.FullNationalIds && r.NationalIdCipher is { } cipher ? openNationalId(cipher) ?? r.MaskedNationalId : r.MaskedNationalId;
            writer.WriteStartElement(new Row { RowIndex = (uint)number + 1 });
            writer.WriteElement(Number(number));
            foreach (var value in new[] { r.Name, nationalId, r.Identity, r.Status }) writer.WriteElement(TextCell(value));
            writer.WriteElement(Number(r.Subsidy));
            foreach (var value in new[] { r.Mobile, r.Phone, r.Email, r.SubmittedAt, r.Lacking }) writer.WriteElement(TextCell(value));
            writer.WriteEndElement();
        }
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    /// <summary>A file name for the download: the course's name with what a file system refuses replaced.</summary>
    public static string FileName(ApplicantSheet sheet, DateOnly today) =>
        $"申請名單_{SafeFileName(sheet.Course.Name)}{(sheet.FullNationalIds ? "_含身分證字號" : "")}_{today:yyyyMMdd}.xlsx";
}
