using AiGO.Domain.Common;
using AiGO.Domain.Office;
using AiGO.Web.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AiGO.Web.Office;

/// <summary>稽核紀錄 as an .xlsx: one row per entry, newest first, every value a formula-safe text cell.</summary>
public static class AuditWorkbook
{
    public const string SheetName = "稽核紀錄";

    private static readonly string[] Headers = ["時間", "操作者", "操作者帳號編號", "動作", "動作代碼", "紀錄類型", "紀錄編號", "內容"];
    private static readonly double[] Widths = [18, 14, 38, 22, 24, 12, 38, 80];

    public static void Write(Stream output, AuditSheet sheet)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxCells.Styles();
        var worksheet = workbook.AddNewPart<WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = SheetName }));

        using var writer = OpenXmlWriter.Create(worksheet);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < Widths.Length; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Widths[i], CustomWidth = true });
        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());

        writer.WriteStartElement(new Row { RowIndex = 1 });
        foreach (var title in Headers) writer.WriteElement(XlsxCells.Text(title, XlsxCells.Header));
        writer.WriteEndElement();

        uint index = 1;
        foreach (var e in sheet.Rows)
        {
            writer.WriteStartElement(new Row { RowIndex = ++index });
            foreach (var value in new[] { Taipei.Format(e.At), e.ActorName, e.ActorId ?? "", AuditActions.Label(e.Action), e.Action,
                         AuditActions.EntityLabel(e.EntityType), e.EntityId, e.Details })
                writer.WriteElement(XlsxCells.TextCell(value));
            writer.WriteEndElement();
        }
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    public static string FileName(DateOnly today) => $"稽核紀錄_{today:yyyyMMdd}.xlsx";
}
