using System.Text;
using AiGO.Domain.Common;
using AiGO.Domain.Import;
using AiGO.Web.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static AiGO.Web.Excel.XlsxCells;

namespace AiGO.Web.Import;

/// <summary>
/// The trainee workbook of SPEC §7 written with the Open XML SDK: the first sheet has columns A–W as the manual
/// (<see cref="TraineeSheet"/>), its 說明 row, text-formatted columns and a drop-down on every coded column pointing at
/// its code sheet; one sheet per code table follows, from the live codes. Given rejected rows, it is the rejected-rows
/// workbook: the same sheets with those rows, a 錯誤原因 column and a comment on each offending cell, ready to fix and
/// upload again.
/// </summary>
public static class TraineeWorkbook
{
    public const string ContentType = XlsxCells.ContentType;

    private static readonly double[] Widths = [6, 10, 13, 14, 26, 9, 7, 11, 20, 14, 12, 13, 8, 13, 10, 10, 8, 9, 9, 11, 8, 10, 14];

    public static string TemplateFileName(string course) => $"學員匯入範本_{SafeFileName(course)}.xlsx";

    public static string RejectedFileName(string course) => $"未匯入名單_{SafeFileName(course)}.xlsx";

    /// <param name="codes">The live code tables (retired codes already left out).</param>
    /// <param name="rows">Rows to write under the 說明 row (the rejected rows); none for the template.</param>
    /// <param name="dataValidationRows">How many rows below the 說明 row the drop-downs cover.</param>
    public static void Write(Stream output, IReadOnlyList<CodeEntry> codes, IReadOnlyList<ImportRowResult> rows, int dataValidationRows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        workbook.Workbook = new Workbook(sheets);

        var main = workbook.AddNewPart<WorksheetPart>();
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(main), SheetId = 1, Name = TraineeSheet.SheetName });
        var ranges = new Dictionary<string, string>();
        uint sheetId = 2;
        foreach (var codeSheet in TraineeSheet.CodeSheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = codeSheet.Name });
            foreach (var (table, range) in WriteCodeSheet(part, codeSheet, codes)) ranges[table] = range;
        }
        WriteMainSheet(main, rows, ranges, dataValidationRows);
    }

    private static void WriteMainSheet(WorksheetPart part, IReadOnlyList<ImportRowResult> rows, Dictionary<string, string> ranges, int validationRows)
    {
        var withReasons = rows.Count > 0;
        var comments = rows.SelectMany((r, i) => r.Problems.Where(p => p.Column is not null).GroupBy(p => p.Column!.Value)
            .Select(g => (Row: i + 2, Column: g.Key, Text: string.Join("\n", g.Select(p => p.Message))))).ToList();
        string? legacyId = null;
        if (comments.Count > 0) legacyId = WriteComments(part, comments);

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < TraineeSheet.Columns.Count; i++)
        {
            var column = TraineeSheet.Columns[i];
            var style = column.Kind == TraineeColumnKind.Number && column.Index == TraineeSheet.Number ? Plain : TextFormat;
            writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Widths[i], CustomWidth = true, Style = style });
        }
        if (withReasons) writer.WriteElement(new Column { Min = 24, Max = 24, Width = 60, CustomWidth = true });
        writer.WriteEndElement();

        writer.WriteStartElement(new SheetData());
        writer.WriteStartElement(new Row { RowIndex = 1 });
        // Every cell carries its reference: a reader may otherwise place a row's cells one after another, and a
        // cell left empty would shift the rest.
        foreach (var column in TraineeSheet.Columns) writer.WriteElement(At(Text(column.Header, XlsxCells.Header), column.Index, 1));
        if (withReasons) writer.WriteElement(At(Text(TraineeSheet.ReasonHeader, XlsxCells.Header), TraineeSheet.Columns.Count, 1));
        writer.WriteEndElement();
        writer.WriteStartElement(new Row { RowIndex = 2, Height = 45, CustomHeight = true });
        foreach (var column in TraineeSheet.Columns) writer.WriteElement(At(Text(column.Hint, Note), column.Index, 2));
        writer.WriteEndElement();
        uint index = 2;
        foreach (var row in rows)
        {
            writer.WriteStartElement(new Row { RowIndex = ++index });
            for (var c = 0; c < TraineeSheet.Columns.Count; c++)
            {
                var value = row.Cells.Cell(c);
                // Everything goes back as text, exactly as read: never a formula, and an ID keeps its leading zero.
                var cell = Text(value, IsFormulaLike(value) ? QuotedText : TextFormat);
                cell.CellReference = $"{TraineeSheet.Letter(c)}{index}";
                writer.WriteElement(cell);
            }
            var reason = TextCell(string.Join("；", row.Problems.Select(p => p.Text)));
            reason.CellReference = $"X{index}";
            writer.WriteElement(reason);
            writer.WriteEndElement();
        }
        writer.WriteEndElement(); // sheetData

        var lastRow = 2 + Math.Max(validationRows, rows.Count);
        var validations = TraineeSheet.Columns.Where(c => c.Kind == TraineeColumnKind.Code).Select(c => Validation(c, ranges, lastRow)).ToList();
        writer.WriteStartElement(new DataValidations { Count = (uint)validations.Count });
        foreach (var validation in validations) writer.WriteElement(validation);
        writer.WriteEndElement();
        if (legacyId is not null) writer.WriteElement(new LegacyDrawing { Id = legacyId });
        writer.WriteEndElement(); // worksheet
    }

    /// <summary>A list drop-down over the column's data rows: its code sheet's codes (性別 has its two codes inline).</summary>
    private static DataValidation Validation(TraineeColumn column, Dictionary<string, string> ranges, int lastRow)
    {
        var source = column.Index == TraineeSheet.Gender ? "\"1,0\""
            : ranges[column.Index == TraineeSheet.IndustryDivision ? nameof(CodeTableKind.IndustryDivision) : column.Codes!.Tables[0].ToString()];
        return new DataValidation
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
            ErrorTitle = "代碼不在清單中", Error = $"請從下拉選單選擇{column.Header}的代號（{column.Hint}）。",
            SequenceOfReferences = new ListValue<StringValue>([new StringValue($"{column.Letter}3:{column.Letter}{lastRow}")]),
            Formula1 = new Formula1(source),
        };
    }

    /// <summary>One code sheet: 代號 and 名稱 (產業別對照表: the sections, then each division with its section), as text.</summary>
    private static IEnumerable<(string Table, string Range)> WriteCodeSheet(WorksheetPart part, CodeSheet sheet, IReadOnlyList<CodeEntry> codes)
    {
        var quoted = $"'{sheet.Name}'";
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        var ranges = new List<(string, string)>();
        if (sheet.Tables is [var only])
        {
            var list = codes.Where(c => c.Table == only).OrderBy(c => c.SortOrder).ToList();
            WriteColumns(writer, [10, 28]);
            WriteRows(writer, [["代號", "名稱"], .. list.Select(c => new[] { c.Code, c.Name })]);
            ranges.Add((only.ToString(), $"{quoted}!$A$2:$A${list.Count + 1}"));
        }
        else
        {
            var sections = codes.Where(c => c.Table == CodeTableKind.IndustrySection).OrderBy(c => c.SortOrder).ToList();
            var divisions = codes.Where(c => c.Table == CodeTableKind.IndustryDivision).OrderBy(c => c.ParentCode).ThenBy(c => c.SortOrder).ToList();
            WriteColumns(writer, [8, 36, 3, 8, 10, 40]);
            var rows = new List<string[]> { new[] { "產業別", "產業別名稱", "", "產業別", "細項代號", "細項名稱" } };
            for (var i = 0; i < Math.Max(sections.Count, divisions.Count); i++)
            {
                var s = i < sections.Count ? sections[i] : null;
                var d = i < divisions.Count ? divisions[i] : null;
                rows.Add([s?.Code ?? "", s?.Name ?? "", "", d?.ParentCode ?? "", d?.Code ?? "", d?.Name ?? ""]);
            }
            WriteRows(writer, rows);
            ranges.Add((nameof(CodeTableKind.IndustrySection), $"{quoted}!$A$2:$A${sections.Count + 1}"));
            ranges.Add((nameof(CodeTableKind.IndustryDivision), $"{quoted}!$E$2:$E${divisions.Count + 1}"));
        }
        writer.WriteEndElement();
        return ranges;
    }

    private static void WriteRows(OpenXmlWriter writer, IReadOnlyList<string[]> rows)
    {
        writer.WriteStartElement(new SheetData());
        for (var r = 0; r < rows.Count; r++)
        {
            writer.WriteStartElement(new Row { RowIndex = (uint)r + 1 });
            for (var c = 0; c < rows[r].Length; c++) writer.WriteElement(At(Text(rows[r][c], r == 0 ? XlsxCells.Header : TextFormat), c, r + 1));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    private static Cell At(Cell cell, int column, int row)
    {
        cell.CellReference = $"{TraineeSheet.Letter(column)}{row}";
        return cell;
    }

    /// <summary>
    /// The comments part and the legacy drawing Excel shows comments with (a comment without its VML shape is not
    /// displayed); returns the drawing's relationship id for the sheet's &lt;legacyDrawing&gt;.
    /// </summary>
    private static string WriteComments(WorksheetPart part, IReadOnlyList<(int Row, int Column, string Text)> comments)
    {
        var commentsPart = part.AddNewPart<WorksheetCommentsPart>();
        using (var writer = OpenXmlWriter.Create(commentsPart))
        {
            writer.WriteStartElement(new Comments());
            writer.WriteElement(new Authors(new Author("AiGO")));
            writer.WriteStartElement(new CommentList());
            foreach (var (row, column, text) in comments)
                writer.WriteElement(new Comment(new CommentText(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })))
                    { Reference = $"{TraineeSheet.Letter(column)}{row + 1}", AuthorId = 0 });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        var vml = part.AddNewPart<VmlDrawingPart>();
        using (var stream = vml.GetStream(FileMode.Create))
        using (var text = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            text.Write("""<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">""");
            text.Write("""<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>""");
            text.Write("""<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>""");
            var id = 1025;
            foreach (var (row, column, _) in comments)
            {
                text.Write($"""<v:shape id="_x0000_s{id++}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">""");
                text.Write("""<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>""");
                text.Write($"""<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{column + 1}, 15, {row}, 2, {column + 4}, 15, {row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>""");
            }
            text.Write("</xml>");
        }
        return part.GetIdOfPart(vml);
    }
}
