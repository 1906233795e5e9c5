using System.IO.Compression;
using AiGO.Domain.Common;
using AiGO.Domain.Import;
using AiGO.Web.Excel;
using AiGO.Web.Import;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static AiGO.Tests.Organisers.ImportKit;

namespace AiGO.Tests.Organisers;

/// <summary>
/// Uploads that must be refused as a whole, in Chinese, before any row is judged (so nothing can change): not a
/// workbook, a zip bomb, too many rows, the wrong columns; and a formula typed in a cell is never taken as data.
/// </summary>
public class HostileWorkbookTests
{
    private static readonly IReadOnlyList<CodeEntry> Codes = CodeTableSeed.All
        .Select((s, i) => new CodeEntry { Table = s.Table, Code = s.Code, Name = s.Name, ParentCode = s.ParentCode, SortOrder = i }).ToList();

    private static object?[] Trainee(int n) =>
        [n, $"學員{n}", "A154146138", "1990-01-01", $"m{n}@example.tw", "2", "1", "", "", "", "", "0266316666", "", "0912345678", 3, "01", "", "0", "4", "", "J", "62", "1"];

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_whatever_its_name()
    {
        var pdf = "%PDF-1.7\n這不是活頁簿"u8.ToArray();

        Assert.Equal(XlsxUpload.NotXlsx, Reader().Read(new MemoryStream(pdf)).Refusal);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(archive.CreateEntry("readme.txt").Open())) w.Write("hello");

        Assert.Equal(XlsxUpload.NotXlsx, Reader().Read(new MemoryStream(zip.ToArray())).Refusal);
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_declared_sizes_before_anything_is_inflated()
    {
        var bomb = WithExtraPart(Filled(Codes, [Trainee(1)]), "xl/media/padding.bin", 300L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        Assert.Equal(XlsxUpload.Bomb, Reader().Read(new MemoryStream(bomb)).Refusal);
    }

    [Fact]
    public void A_part_that_lies_about_its_size_inflates_no_further_than_it_declared()
    {
        // 64 MB of zeros whose directory entries claim 1 MB: the declared sizes pass, and reading stops at the 1 MB.
        var liar = WithExtraPart(Filled(Codes, [Trainee(1)]), "xl/media/liar.bin", 64L * 1024 * 1024, declared: 1024 * 1024);
        using (var zip = new ZipArchive(new MemoryStream(liar)))
        using (var part = zip.GetEntry("xl/media/liar.bin")!.Open())
            Assert.Equal(1024 * 1024, Drain(part));

        var read = Reader().Read(new MemoryStream(liar));

        Assert.Equal((null, 1), (read.Refusal, read.Rows.Count));
    }

    private static long Drain(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        for (int n; (n = stream.Read(buffer)) > 0;) total += n;
        return total;
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_with_the_limit()
    {
        var file = Filled(Codes, [Trainee(1)]);

        var read = Reader(new ImportOptions { MaxBytes = 2048 }).Read(new MemoryStream(file));

        Assert.Equal("檔案過大：上限為2KB，請分成數個檔案上傳。", read.Refusal);
    }

    [Fact]
    public void Twenty_thousand_and_one_rows_are_refused_and_twenty_thousand_are_read()
    {
        var rows = Enumerable.Range(1, 20_001).Select(Trainee).ToList();

        Assert.Equal("資料超過20,000列的上限，請分成數個檔案上傳。", Reader().Read(new MemoryStream(Filled(Codes, rows))).Refusal);
        var limit = Reader().Read(new MemoryStream(Filled(Codes, rows[..20_000])));
        Assert.Null(limit.Refusal);
        Assert.Equal(20_000, limit.Rows.Count);
    }

    [Fact]
    public void A_workbook_with_the_wrong_columns_is_refused_naming_the_first_wrong_column()
    {
        using var other = new MemoryStream();
        XlsxCells.WriteSheet(other, "名單", ["序號", "姓名", "身分證字號", "生日"], [6, 10, 12, 12], [[XlsxCells.Number(1), XlsxCells.TextCell("王大明")]]);

        var read = Reader().Read(new MemoryStream(other.ToArray()));

        Assert.Equal("第1列的欄位與範本不符：D欄應為「西元出生年月日」，檔案中為「生日」。請下載範本，依範本的欄位填寫後再上傳。", read.Refusal);
    }

    [Fact]
    public void A_formula_in_a_name_cell_is_refused_on_that_cell_and_goes_back_as_text()
    {
        var row = Trainee(1);
        row[TraineeSheet.Name] = new ImportKit.Formula("HYPERLINK(\"http://evil.example/\",\"王大明\")", "王大明");
        var file = Filled(Codes, [row, Trainee(2)]);

        var read = Reader().Read(new MemoryStream(file));

        Assert.Null(read.Refusal);
        Assert.Equal([TraineeSheet.Name], read.Rows[0].FormulaColumns);
        Assert.Empty(read.Rows[1].FormulaColumns);
        var parsed = TraineeRow.Read(read.Rows[0]);
        Assert.Equal([new RowProblem(TraineeSheet.Name, TraineeRow.FormulaRefused)], parsed.ReadProblems);
        Assert.Null(parsed.Profile.Name);

        // In the rejected rows' workbook the value is text, with the formula-safe format, never a formula.
        var result = new ImportRowResult(read.Rows[0], "王大明", "m1@example.tw", ImportRowOutcome.Rejected, 0, null, null, null, parsed.ReadProblems);
        var typed = TraineeRow.Read(new TraineeRowCells(3, [.. read.Rows[0].Cells.Take(1), "=cmd|'/C calc'!A0", .. read.Rows[0].Cells.Skip(2)]));
        using var back = new MemoryStream();
        TraineeWorkbook.Write(back, Codes, [result, result with { Cells = typed.Cells }], 10);
        using var document = SpreadsheetDocument.Open(new MemoryStream(back.ToArray()), false);
        var part = document.WorkbookPart!;
        var sheet = (WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.Empty(sheet.Worksheet.Descendants<CellFormula>());
        var quoted = sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == "B4");
        Assert.Equal(("=cmd|'/C calc'!A0", XlsxCells.QuotedText), (quoted.InnerText, quoted.StyleIndex!.Value));
        Assert.Equal(TraineeRow.FormulaRefused, TraineeImportTests.Comments(back.ToArray())["B3"]);
    }

    [Fact]
    public void The_template_has_the_manual_columns_text_formats_drop_downs_and_one_sheet_per_live_code_table()
    {
        var codes = Codes.Select(c => c.Code == "99" && c.Table == CodeTableKind.Residence ? new CodeEntry { Table = c.Table, Code = c.Code, Name = c.Name, IsRetired = true } : c)
            .Where(c => !c.IsRetired).ToList();
        using var file = new MemoryStream();
        TraineeWorkbook.Write(file, codes, [], 20_000);

        using var document = SpreadsheetDocument.Open(new MemoryStream(file.ToArray()), false);
        var part = document.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["學員名單", "身分別", "居住地", "職級", "特殊身份", "最高學歷", "服務單位規模", "產業別對照表", "培訓動機"], sheets.Select(s => s.Name!.Value));
        var main = ((WorksheetPart)part.GetPartById(sheets[0].Id!)).Worksheet;
        var rows = main.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["序號", "姓名", "身分證字號", "西元出生年月日", "E-mail", "身分別", "性別", "統一編號", "公司名稱", "服務部門", "職稱", "聯絡電話", "分機",
            "行動電話", "累計工作年資(年)", "在台居住地", "職級", "特殊身份", "最高學歷", "服務單位規模", "產業別", "產業別細項", "您的參加培訓的動機為"], rows[0]);
        Assert.Equal(["說明", "文字", "英數字", "格式 1990-01-01", "登入AIGO帳號之信箱"], rows[1].Take(5));
        // ID, date, UBN and phone columns are text, so 0912… keeps its 0 and 1990-01-01 stays as typed.
        var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var columns = main.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value - 1, c => formats[(int)c.Style!.Value].NumberFormatId!.Value);
        Assert.All(new[] { TraineeSheet.NationalId, TraineeSheet.Birthday, TraineeSheet.BusinessNumber, TraineeSheet.Phone, TraineeSheet.Mobile, TraineeSheet.Residence },
            c => Assert.Equal(49u, columns[c]));
        var validations = main.Descendants<DataValidation>().ToDictionary(v => v.SequenceOfReferences!.InnerText!, v => v.Formula1!.Text!);
        Assert.Equal("'身分別'!$A$2:$A$5", validations["F3:F20002"]);
        Assert.Equal("\"1,0\"", validations["G3:G20002"]);
        Assert.Equal("'居住地'!$A$2:$A$23", validations["P3:P20002"]); // 22 live codes: 99 海外 is retired
        Assert.Equal("'產業別對照表'!$A$2:$A$20", validations["U3:U20002"]);
        Assert.StartsWith("'產業別對照表'!$E$2:$E$", validations["V3:V20002"]);
        Assert.Equal(10, validations.Count); // F, G and P–W
        var residence = ((WorksheetPart)part.GetPartById(sheets[2].Id!)).Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().First().InnerText).ToList();
        Assert.Equal("01", residence[1]);
        Assert.DoesNotContain("99", residence);
    }

    /// <summary>A copy of the workbook with one more part of <paramref name="size"/> zero bytes, optionally lying about its size.</summary>
    private static byte[] WithExtraPart(byte[] workbook, string name, long size, long? declared = null)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        using (var part = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.Length) part.Write(zeros, 0, (int)Math.Min(zeros.Length, size - written));
        }
        var bytes = stream.ToArray();
        if (declared is { } lie) Declare(bytes, name, (uint)size, (uint)lie);
        return bytes;
    }

    /// <summary>Overwrites an entry's uncompressed size in its local header and in the central directory.</summary>
    private static void Declare(byte[] zip, string name, uint actual, uint lie)
    {
        var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4 && Matches(zip, i + 30, nameBytes) && BitConverter.ToUInt32(zip, i + 22) == actual)
                BitConverter.TryWriteBytes(zip.AsSpan(i + 22, 4), lie);
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2 && Matches(zip, i + 46, nameBytes) && BitConverter.ToUInt32(zip, i + 24) == actual)
                BitConverter.TryWriteBytes(zip.AsSpan(i + 24, 4), lie);
        }
    }

    private static bool Matches(byte[] zip, int at, byte[] name) => at + name.Length <= zip.Length && zip.AsSpan(at, name.Length).SequenceEqual(name);
}
