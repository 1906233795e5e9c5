using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiGO.Tests.Office;

/// <summary>稽核紀錄: each filter narrows to exactly the matching entries, newest first, page by page; an export is itself audited.</summary>
public class AuditLogQueryTests
{
    // 2026-11-25 09:00 in Taipei.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_filter_and_each_page_return_exactly_the_matching_entries_newest_first(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var log = Services(database).GetRequiredService<AuditLogQuery>();
        var seeded = await SeedAsync(database);

        async Task<List<long>> All(AuditFilter filter)
        {
            var ids = new List<long>();
            for (var page = 1; ; page++)
            {
                var view = (await log.LoadAsync(TestData.Office, filter with { Page = page })).Value!;
                ids.AddRange(view.Rows.Select(r => r.Id));
                if (page >= view.Pages) { Assert.Equal(view.Total, ids.Count); return ids; }
                Assert.Equal(AuditFilter.PageSize, view.Rows.Count);
            }
        }
        List<long> Expected(Func<AuditEntry, bool> match) =>
            seeded.Where(match).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id).ToList();

        Assert.Equal(Expected(_ => true), await All(new AuditFilter()));
        Assert.Equal(Expected(e => e.Action == "nationalid.read"), await All(new AuditFilter(Action: "nationalid.read")));
        Assert.Equal(Expected(e => e.ActorName.Contains("王")), await All(new AuditFilter(Who: "王")));
        Assert.Equal(Expected(e => e.ActorId == "org-7"), await All(new AuditFilter(Who: "org-7")));
        Assert.Equal(Expected(e => e.EntityType == "Course" && e.EntityId == "3"), await All(new AuditFilter(EntityType: "Course", EntityId: "3")));
        // Taipei dates: 11-20 runs from 11-19 16:00 to 11-20 16:00 UTC.
        var from = new DateOnly(2026, 11, 20);
        var to = new DateOnly(2026, 11, 21);
        Assert.Equal(Expected(e => e.At >= Taipei.StartOf(from) && e.At < Taipei.StartOf(to.AddDays(1))), await All(new AuditFilter(From: from, To: to)));
        Assert.Equal(Expected(e => e.Action == "course.update" && e.ActorName.Contains("王") && e.At >= Taipei.StartOf(from)),
            await All(new AuditFilter(Who: "王", Action: "course.update", From: from)));

        var choices = (await log.LoadAsync(TestData.Office, new AuditFilter())).Value!;
        Assert.Contains(choices.Actions, a => a is { Value: "nationalid.read", Label: "檢視完整身分證字號" });
        Assert.Contains(choices.EntityTypes, t => t is { Value: "Course", Label: "課程" });
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_export_of_the_log_is_itself_in_the_log_with_its_filter_and_count(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabases.CreateEmptyAsync(provider)).MigrateAsync();
        var log = Services(database).GetRequiredService<AuditLogQuery>();
        var seeded = await SeedAsync(database);
        var reads = seeded.Count(e => e.Action == "nationalid.read");

        var sheet = (await log.ExportAsync(TestData.Office, new AuditFilter(Action: "nationalid.read"))).Value!;

        Assert.Equal(reads, sheet.Rows.Count);
        Assert.False(sheet.Capped);
        Assert.All(sheet.Rows, r => Assert.Equal("nationalid.read", r.Action));
        await using var db = database.CreateContext();
        var export = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.Export);
        Assert.Equal(TestData.Office.Id, export.ActorId);
        Assert.Equal($"匯出稽核紀錄{reads}筆；篩選：動作：檢視完整身分證字號", export.Details);
        // The next view of the log shows the export.
        var view = (await log.LoadAsync(TestData.Office, new AuditFilter(Action: AuditActions.Export))).Value!;
        Assert.Equal(1, view.Total);
    }

    private static ServiceProvider Services(EmptyDatabase database) =>
        TestServices.Build(database, new FakeTimeProvider(Now), new RecordingNotifier());

    /// <summary>130 entries over ten days, by three actors, of three actions on a few records.</summary>
    private static async Task<List<AuditEntry>> SeedAsync(EmptyDatabase database)
    {
        Actor[] actors = [TestData.Office with { Name = "王大明" }, TestData.OrganiserActor(7), TestData.Office with { Id = "office-2", Name = "李小華" }];
        string[] actions = ["course.update", "nationalid.read", "application.approve"];
        var entries = Enumerable.Range(0, 130).Select(i => actors[i % 3].Audit(
            Now.AddHours(-1.7 * i), actions[i % 4 % 3], i % 4 == 1 ? "Member" : "Course", i % 5, $"第{i}筆")).ToList();
        await using var db = database.CreateContext();
        db.AuditLog.AddRange(entries);
        await db.SaveChangesAsync();
        return entries;
    }
}
