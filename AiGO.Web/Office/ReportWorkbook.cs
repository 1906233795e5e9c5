using AiGO.Domain.Office;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static AiGO.Web.Excel.XlsxCells;

namespace AiGO.Web.Office;

/// <summary>報表 as an .xlsx: one sheet per grouping, each with its lines and a 合計 row, as the page shows them.</summary>
public static class ReportWorkbook
{
    private static readonly string[] Headers = ["項目", "申請件數", "保留補助(元)", "已撥款(元)"];
    private static readonly double[] Widths = [36, 12, 16, 14];

    public static void Write(Stream output, ReportView report)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        workbook.Workbook = new Workbook(sheets);
        uint id = 0;
        foreach (var section in report.Sections)
        {
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = ++id, Name = section.Title });
            using var writer = OpenXmlWriter.Create(worksheet);
            writer.WriteStartElement(new Worksheet());
            WriteColumns(writer, Widths);
            writer.WriteStartElement(new SheetData());
            uint row = 0;
            writer.WriteStartElement(new Row { RowIndex = ++row });
            foreach (var title in Headers) writer.WriteElement(Text(title, AiGO.Web.Excel.XlsxCells.Header));
            writer.WriteEndElement();
            foreach (var line in section.Lines.Append(section.Total))
            {
                writer.WriteStartElement(new Row { RowIndex = ++row });
                writer.WriteElement(TextCell(line.Label));
                writer.WriteElement(Number(line.Applications));
                writer.WriteElement(Number(line.Held));
                writer.WriteElement(Number(line.Paid));
                writer.WriteEndElement();
            }
            writer.WriteEndElement(); // sheetData
            writer.WriteEndElement(); // worksheet
        }
    }

    public static string FileName(int year, DateOnly today) => $"報表_{year}年_{today:yyyyMMdd}.xlsx";
}
