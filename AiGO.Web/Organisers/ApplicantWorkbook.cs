using System.Text;
using System.Xml;
using AiGO.Domain.Organisers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AiGO.Web.Organisers;

/// <summary>
/// 申請名單 as an .xlsx, written row by row with the Open XML SDK's streaming writer. Every text is an inline string,
/// never a formula; one that Excel would read as a formula (=, +, -, @ …) also carries the quote-prefix format, so
/// Excel shows and keeps it as text even when someone edits the cell.
/// </summary>
public static class ApplicantWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "申請名單";

    /// <summary>Cell formats, in the order the stylesheet lists them.</summary>
    private const uint Plain = 0, QuotedText = 1, Header = 2;

    private static readonly string[] Headers =
        ["序號", "姓名", "身分證字號", "身分別", "申請狀態", "補助額度", "手機", "聯絡電話", "E-mail", "申請時間", "結訓尚缺"];

    private static readonly double[] Widths = [6, 12, 14, 12, 16, 10, 13, 13, 30, 18, 24];

    /// <summary>Characters that make a spreadsheet read a typed value as a formula (OWASP CSV injection).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <param name="openNationalId">Opens a stored national-ID cipher; used only for a full export.</param>
    public static void Write(Stream output, ApplicantSheet sheet, Func<string, string?> openNationalId)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
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
        foreach (var title in Headers) writer.WriteElement(Text(title, Header));
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
    public static string FileName(ApplicantSheet sheet, DateOnly today)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var course = new string(sheet.Course.Name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
        return $"申請名單_{course}{(sheet.FullNationalIds ? "_含身分證字號" : "")}_{today:yyyyMMdd}.xlsx";
    }

    private static Cell TextCell(string value) => Text(value, value.Length > 0 && FormulaStarts.Contains(value[0]) ? QuotedText : Plain);

    private static Cell Text(string value, uint style) => new(new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static Cell Number(int value) => new(new CellValue(value)) { DataType = CellValues.Number };

    /// <summary>Drops characters XML cannot carry (control characters a member may have pasted), which would break the file.</summary>
    private static string XmlSafe(string value)
    {
        if (value.All(XmlConvert.IsXmlChar)) return value;
        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (i + 1 < value.Length && char.IsSurrogatePair(value[i], value[i + 1])) kept.Append(value, i++, 2);
            else if (XmlConvert.IsXmlChar(value[i])) kept.Append(value[i]);
        }
        return kept.ToString();
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 3 });
}
