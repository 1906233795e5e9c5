using System.Text.RegularExpressions;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Organisers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Organisers;

/// <summary>匯出Excel: the organiser's own list as a workbook, masked unless asked, each export in the audit log.</summary>
public class ApplicantExportTests
{
    private static readonly Regex Masked = new(@"^[A-Z][12]\*{4}\d{4}$");

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_export_is_audited_with_who_the_course_and_the_row_count_and_the_full_one_under_its_own_action(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("AI應用實務", kit.Today.AddDays(30));
        await kit.ApplyAsync(await kit.MemberAsync("王大明"), course);
        await kit.ApplyAsync(await kit.MemberAsync("李小華"), course);
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var export = kit.Get<ApplicantExport>();

        var masked = await export.ExportAsync(organiser, course.Id, fullNationalIds: false);
        var full = await export.ExportAsync(TestData.Office, course.Id, fullNationalIds: true);

        Assert.All(masked.Value!.Rows, r =>
        {
            Assert.Matches(Masked, r.MaskedNationalId);
            Assert.Null(r.NationalIdCipher);
        });
        Assert.All(full.Value!.Rows, r => Assert.NotNull(r.NationalIdCipher));
        await using var db = kit.Db();
        var audit = await db.AuditLog.AsNoTracking().Where(a => a.EntityType == nameof(Course) && a.EntityId == course.Id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [(ApplicantExport.MaskedAction, organiser.Name, "匯出申請名單「AI應用實務」2筆，身分證字號遮罩"),
             (ApplicantExport.FullAction, "計畫辦公室", "匯出申請名單「AI應用實務」2筆，含完整身分證字號")],
            audit.Select(a => (a.Action, a.ActorName, a.Details)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Another_organiser_is_refused_the_export_and_leaves_no_trace(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("AI應用實務", kit.Today.AddDays(30));
        await kit.ApplyAsync(await kit.MemberAsync(), course);

        var refused = await kit.Get<ApplicantExport>().ExportAsync(TestData.OrganiserActor(course.OrganiserId + 1), course.Id, fullNationalIds: true);

        Assert.Equal((OutcomeKind.Forbidden, "您沒有權限查看此課程的申請名單"), (refused.Kind, refused.Message));
        await using var db = kit.Db();
        Assert.False(await db.AuditLog.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_workbook_shows_masked_ids_and_keeps_a_formula_like_name_as_text(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("AI應用實務", kit.Today.AddDays(30));
        await kit.ApplyAsync(await kit.MemberAsync("=cmd|'/C calc'!A0"), course);
        await kit.ApplyAsync(await kit.MemberAsync("陳志堅"), course);
        var sheet = (await kit.Get<ApplicantExport>().ExportAsync(TestData.OrganiserActor(course.OrganiserId), course.Id, fullNationalIds: false)).Value!;

        var cells = Read(Write(sheet));

        Assert.Equal(["序號", "姓名", "身分證字號", "身分別", "申請狀態", "補助額度", "手機", "聯絡電話", "E-mail", "申請時間", "結訓尚缺"], cells[0].Select(c => c.Text));
        Assert.Equal(["=cmd|'/C calc'!A0", "陳志堅"], cells.Skip(1).Select(r => r[1].Text));
        Assert.All(cells.Skip(1), r => Assert.Matches(Masked, r[2].Text));
        Assert.Equal(["已報名成功", "5000"], [cells[1][4].Text, cells[1][5].Text]);
        var formulaLike = cells[1][1];
        Assert.Equal((CellValues.InlineString, false, true), (formulaLike.Type, formulaLike.HasFormula, formulaLike.QuotePrefix));
        Assert.False(cells[2][1].QuotePrefix);
        Assert.DoesNotContain(cells.SelectMany(r => r), c => c.HasFormula);
    }

    [Fact]
    public void A_full_export_writes_the_opened_national_id()
    {
        var course = TestData.Course(new Organiser { Name = "某單位" }, "課程", new DateOnly(2027, 1, 1));
        var row = new ApplicantExportRow("王大明", "A1****6138", "cipher", "企業", "已報名成功", 5000, "0912345678", "", "a@example.tw", "2026-11-25 09:00", "");

        var masked = Read(Write(new ApplicantSheet(course, false, [row])));
        var full = Read(Write(new ApplicantSheet(course, true, [row])));

        Assert.Equal(("A1****6138", "A154146138"), (masked[1][2].Text, full[1][2].Text));
    }

    private static byte[] Write(ApplicantSheet sheet)
    {
        using var stream = new MemoryStream();
        ApplicantWorkbook.Write(stream, sheet, cipher => cipher == "cipher" ? "A154146138" : null);
        return stream.ToArray();
    }

    private sealed record ReadCell(string Text, CellValues? Type, bool HasFormula, bool QuotePrefix);

    /// <summary>The first sheet's cells as Excel would take them: text, type, formula, and whether the format quotes it.</summary>
    private static List<List<ReadCell>> Read(byte[] file)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal(ApplicantWorkbook.SheetName, sheet.Name?.Value);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var worksheet = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return worksheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => new ReadCell(
            c.InlineString?.InnerText ?? c.CellValue?.Text ?? "",
            c.DataType?.Value,
            c.CellFormula is not null,
            formats[(int)(c.StyleIndex?.Value ?? 0)].QuotePrefix?.Value == true)).ToList()).ToList();
    }
}
