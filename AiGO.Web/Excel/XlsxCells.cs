using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AiGO.Web.Excel;

/// <summary>
/// The cells and styles every export writes. Every text is an inline string, never a formula; one that Excel would
/// read as a formula (=, +, -, @ …) also carries the quote-prefix format, so Excel shows and keeps it as text even
/// when someone edits the cell.
/// </summary>
public static class XlsxCells
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Cell formats, in the order <see cref="Styles"/> lists them.</summary>
    public const uint Plain = 0, QuotedText = 1, Header = 2, TextFormat = 3, Note = 4;

    /// <summary>Characters that make a spreadsheet read a typed value as a formula (OWASP CSV injection).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A workbook of one sheet: a header row in <see cref="Header"/> style, the given column widths, then each row's
    /// cells, streamed so a long list is never held in memory as a document.
    /// </summary>
    public static void WriteSheet(Stream output, string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IEnumerable<Cell>> rows)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorkbookStylesPart>().Stylesheet = Styles();
        var worksheet = workbook.AddNewPart<DocumentFormat.OpenXml.Packaging.WorksheetPart>();
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName }));

        using var writer = OpenXmlWriter.Create(worksheet);
        writer.WriteStartElement(new Worksheet());
        WriteColumns(writer, widths);
        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        foreach (var title in headers) writer.WriteElement(Text(title, Header));
        writer.WriteEndElement();
        uint index = 1;
        foreach (var row in rows)
        {
            writer.WriteStartElement(new Row { RowIndex = ++index });
            foreach (var cell in row) writer.WriteElement(cell);
            writer.WriteEndElement();
        }
        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    /// <summary>The column widths of a sheet, in characters.</summary>
    public static void WriteColumns(OpenXmlWriter writer, IReadOnlyList<double> widths)
    {
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Count; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        writer.WriteEndElement();
    }

    public static Cell TextCell(string value) => Text(value, IsFormulaLike(value) ? QuotedText : Plain);

    /// <summary>Whether a spreadsheet would take this typed text for a formula.</summary>
    public static bool IsFormulaLike(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]);

    public static Cell Text(string value, uint style) => new(new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    public static Cell Number(int value) => new(new CellValue(value)) { DataType = CellValues.Number };

    /// <summary>A file name with what a file system refuses replaced.</summary>
    public static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }

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

    public static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold()), new Font(new Color { Rgb = "FF595959" })) { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            // "@": what is typed in the column stays text (an ID, a phone number, 01 of 在台居住地), never a number or a date.
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            // A hint under a header: grey, and wrapped so the column stays narrow.
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                { NumberFormatId = 49, FontId = 2, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyAlignment = true, ApplyNumberFormat = true }) { Count = 5 });
}
