using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Domain.Organisers;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Hosting;
using AiGO.Web.Office;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Office;

/// <summary>報表 (SPEC §12): a year's applications and subsidy, grouped five ways, equal to what the database holds.</summary>
public class SubsidyReportTests
{
    private const int Year = 2026;

    /// <summary>
    /// A year of applications across two organisers, three courses, every identity, several residences and months, in
    /// statuses that hold money, release it and are paid; plus a draft, a 2025 one and one that is 2027 in Taipei.
    /// </summary>
    private static async Task SeedAsync(ApplicationsKit kit)
    {
        await using (var db = kit.Db()) await DatabaseInitializer.SeedCodeTablesAsync(db);
        var other = new Organiser { Name = "第二培訓單位", ContactEmail = "second@example.tw" };
        var courses = new[]
        {
            await kit.CourseAsync("生成式AI實務", new DateOnly(2026, 3, 1)),
            await kit.CourseAsync("AI資料分析", new DateOnly(2026, 6, 1), fee: 8000),
        };
        Course third;
        await using (var db = kit.Db())
        {
            db.Organisers.Add(other);
            third = TestData.Course(other, "AI智慧防詐", new DateOnly(2026, 9, 1), fee: 12000);
            db.Courses.Add(third);
            await db.SaveChangesAsync();
        }
        var statuses = new[]
        {
            ApplicationStatus.Submitted, ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Enrolled,
            ApplicationStatus.Completed, ApplicationStatus.Disbursed, ApplicationStatus.Disbursed, ApplicationStatus.Cancelled,
            ApplicationStatus.Rejected, ApplicationStatus.NotCompleted, ApplicationStatus.Approved, ApplicationStatus.Disbursed,
            ApplicationStatus.Draft,
        };
        var residences = new[] { "01", "02", "06", "99", null };
        var identities = Enum.GetValues<IdentityType>();
        var instants = new[]
        {
            new DateTimeOffset(2025, 12, 31, 17, 0, 0, TimeSpan.Zero),  // 2026-01-01 01:00 in Taipei: January
            new DateTimeOffset(2026, 2, 14, 3, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 5, 31, 18, 0, 0, TimeSpan.Zero),   // 2026-06-01 02:00 in Taipei: June
            new DateTimeOffset(2026, 8, 8, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
        };
        var all = new[] { courses[0], courses[1], third };
        for (var i = 0; i < statuses.Length + 2; i++)
        {
            var member = await kit.MemberAsync();
            await using var db = kit.Db();
            var profile = await db.MemberProfiles.SingleAsync(p => p.UserId == member.Id);
            profile.ChangeIdentityType(i % 5 == 4 ? null : identities[i % identities.Length]);
            profile.Residence = residences[i % residences.Length];
            var course = await db.Courses.SingleAsync(c => c.Id == all[i % all.Length].Id);
            var status = i < statuses.Length ? statuses[i] : ApplicationStatus.Approved;
            var app = TestData.Application(course, member, status, 2000 + 500 * i);
            app.SubmittedAt = i switch
            {
                _ when i == statuses.Length => new DateTimeOffset(2025, 12, 31, 15, 0, 0, TimeSpan.Zero),    // 2025-12-31 23:00 in Taipei
                _ when i == statuses.Length + 1 => new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero), // 2027-01-01 00:30 in Taipei
                _ => instants[i % instants.Length],
            };
            db.Applications.Add(app);
            await db.SaveChangesAsync();
        }
        // A retired residence still reports under its name.
        await using (var db = kit.Db())
        {
            (await db.Codes.SingleAsync(c => c.Table == CodeTableKind.Residence && c.Code == "99")).IsRetired = true;
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Every_grouping_equals_the_sums_computed_directly_from_the_database(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await SeedAsync(kit);

        var report = (await kit.Get<SubsidyReport>().LoadAsync(TestData.Office, Year)).Value!;

        // The same figures, the plain way: every application and profile read back, then counted in memory.
        await using var db = kit.Db();
        var apps = await db.Applications.AsNoTracking().Include(a => a.Course).ThenInclude(c => c.Organiser).ToListAsync();
        var profiles = await db.MemberProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId);
        var residenceNames = await db.Codes.AsNoTracking().Where(c => c.Table == CodeTableKind.Residence).ToDictionaryAsync(c => c.Code, c => c.Name);
        var ofYear = apps.Where(a => a.Status != ApplicationStatus.Draft && Taipei.ToTaipei(a.SubmittedAt!.Value).Year == Year).ToList();
        Assert.Equal(12, ofYear.Count);

        Dictionary<string, (int, int, int)> Expected(Func<SubsidyApplication, string> label) => ofYear.GroupBy(label).ToDictionary(g => g.Key, g => (
            g.Count(),
            g.Where(a => ApplicationStatuses.HoldingMoney.Contains(a.Status)).Sum(a => a.Subsidy),
            g.Where(a => a.Status == ApplicationStatus.Disbursed).Sum(a => a.Subsidy)));

        var expected = new Dictionary<ReportGrouping, Dictionary<string, (int, int, int)>>
        {
            [ReportGrouping.Course] = Expected(a => a.Course.Name),
            [ReportGrouping.Organiser] = Expected(a => a.Course.Organiser.Name),
            [ReportGrouping.Identity] = Expected(a => profiles[a.MemberId].IdentityType?.Label() ?? "未填寫"),
            [ReportGrouping.Residence] = Expected(a => profiles[a.MemberId].Residence is { } r ? residenceNames[r] : "未填寫"),
            [ReportGrouping.Month] = Expected(a => $"{Taipei.ToTaipei(a.SubmittedAt!.Value).Month}月"),
        };
        foreach (var section in report.Sections)
        {
            var shown = section.Lines.Where(l => l.Applications > 0).ToDictionary(l => l.Label, l => (l.Applications, l.Held, l.Paid));
            Assert.Equal(expected[section.Grouping].OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
            Assert.Equal((ofYear.Count, expected[section.Grouping].Values.Sum(v => v.Item2), expected[section.Grouping].Values.Sum(v => v.Item3)),
                (section.Total.Applications, section.Total.Held, section.Total.Paid));
        }
        Assert.Contains(report.Sections.Single(s => s.Grouping == ReportGrouping.Residence).Lines, l => l.Label == "海外");
        Assert.Equal(12, report.Sections.Single(s => s.Grouping == ReportGrouping.Month).Lines.Count);
    }

    [Fact]
    public async Task The_export_has_one_sheet_per_grouping_with_the_pages_figures_and_is_audited()
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(kit);

        var report = (await kit.Get<SubsidyReport>().ExportAsync(TestData.Office, Year)).Value!;
        using var file = new MemoryStream();
        ReportWorkbook.Write(file, report);

        file.Position = 0;
        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["依課程", "依開課單位", "依身分別", "依在台居住地", "依申請月份"], sheets.Select(s => s.Name!.Value));
        var months = ((WorksheetPart)workbook.GetPartById(sheets[4].Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(1 + 12 + 1, months.Count);
        var total = months[^1].Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["合計", report.Total.Applications.ToString(), report.Total.Held.ToString(), report.Total.Paid.ToString()], total);

        await using var db = kit.Db();
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal((SubsidyReport.ExportAction, $"{Year}"), (audit.Action, audit.EntityId));
    }
}
