using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace AiGO.Web.Excel;

/// <summary>
/// Cells and styles every exported .xlsx shares. Every text is an inline string, never a formula; one that Excel would
/// read as a formula (=, +, -, @ …) also carries the quote-prefix format, so Excel shows and keeps it as text even
/// when someone edits the cell.
/// </summary>
public static class WorkbookCells
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Cell formats, in the order <see cref="AddStyles"/> lists them.</summary>
    public const uint PlainStyle = 0, QuotedStyle = 1, HeaderStyle = 2;

    /// <summary>Characters that make a spreadsheet read a typed value as a formula (OWASP CSV injection).</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static Cell TextCell(string value) => Text(value, value.Length > 0 && FormulaStarts.Contains(value[0]) ? QuotedStyle : PlainStyle);

    public static Cell Text(string value, uint style) => new(new InlineString(new Text(XmlSafe(value)) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    public static Cell Number(int value) => new(new CellValue(value)) { DataType = CellValues.Number };

    /// <summary>Writes the column widths, in characters.</summary>
    public static void WriteColumns(OpenXmlWriter writer, IReadOnlyList<double> widths)
    {
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < widths.Count; i++)
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        writer.WriteEndElement();
    }

    /// <summary>A file name part with what a file system refuses replaced.</summary>
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

    public static void AddStyles(WorkbookPart workbook) => workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true }) { Count = 3 });
}
