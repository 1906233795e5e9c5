using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Privacy;

/// <summary>個資請求 (個資法第13條): the legal due date, its one extension, the overdue flag on the board, every step audited.</summary>
public class PrivacyRequestTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_access_request_is_due_in_15_days_extends_once_by_15_and_is_flagged_overdue_the_day_after(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync("王小明");
        var desk = kit.Get<PersonalDataRequests>();
        var received = kit.Today; // 2026-11-25 in Taipei

        var filed = await desk.FileAsync(TestData.MemberActor(member), PrivacyRequestKind.Access, null);
        Assert.True(filed.Succeeded, filed.Message);
        var row = await RowAsync(desk, filed.Value);
        Assert.Equal(received.AddDays(15), row.DueOn);
        Assert.Equal("剩15天", row.DueText);

        kit.Clock.Advance(TimeSpan.FromDays(10));
        var extended = await desk.ExtendAsync(TestData.Office, filed.Value, "需向開課單位調閱出席紀錄");
        Assert.True(extended.Succeeded, extended.Message);
        row = await RowAsync(desk, filed.Value);
        Assert.Equal(received.AddDays(30), row.DueOn);
        Assert.True(row.Extended);
        Assert.Equal("計畫辦公室", row.HandlerName);
        var again = await desk.ExtendAsync(TestData.Office, filed.Value, "還需要更多時間");
        Assert.Equal((OutcomeKind.Conflict, "依個資法第13條，處理期限只能延長一次"), (again.Kind, again.Message));

        kit.Clock.Advance(TimeSpan.FromDays(20)); // day 30: due today, not yet overdue
        row = await RowAsync(desk, filed.Value);
        Assert.False(row.Overdue);
        Assert.Equal("今天到期", row.DueText);

        kit.Clock.Advance(TimeSpan.FromDays(1));
        var board = (await desk.BoardAsync(TestData.Office)).Value!;
        row = board.Rows.Single(r => r.Id == filed.Value);
        Assert.True(row.Overdue);
        Assert.Equal("已逾期1天", row.DueText);
        Assert.Equal((1, 1), (board.Open, board.Overdue));

        var done = await desk.CompleteAsync(TestData.Office, filed.Value, "已寄送出席紀錄影本");
        Assert.True(done.Succeeded, done.Message);
        board = (await desk.BoardAsync(TestData.Office)).Value!;
        Assert.Equal((0, 0), (board.Open, board.Overdue));

        var mails = (await kit.MailsToAsync(member)).OrderBy(m => m.CreatedAt).ToList();
        Assert.Equal(["AIGO個資請求受理通知", "AIGO個資請求延長處理通知", "AIGO個資請求處理結果：已完成"], mails.Select(m => m.Subject));
        Assert.Contains("需向開課單位調閱出席紀錄", mails[1].TextBody);
        Assert.Contains(Taipei.Format(received.AddDays(30)), mails[1].TextBody);

        await using var db = kit.Db();
        var audit = await db.AuditLog.Where(a => a.EntityType == nameof(PrivacyRequest) && a.EntityId == filed.Value.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([PersonalDataRequests.FileAction, PersonalDataRequests.ExtendAction, PersonalDataRequests.CompleteAction], audit.Select(a => a.Action));
        Assert.Equal([member.DisplayName, "計畫辦公室", "計畫辦公室"], audit.Select(a => a.ActorName));
        Assert.Contains("逾法定期限", audit[2].Details);
    }

    [Theory]
    [InlineData(PrivacyRequestKind.Access, 15)]
    [InlineData(PrivacyRequestKind.Copy, 15)]
    [InlineData(PrivacyRequestKind.Correction, 30)]
    [InlineData(PrivacyRequestKind.StopProcessing, 30)]
    [InlineData(PrivacyRequestKind.Deletion, 30)]
    public void The_legal_period_is_15_days_for_access_and_30_for_the_rest(PrivacyRequestKind kind, int days)
    {
        var now = new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero); // 01:00 on 12-01 in Taipei
        var request = PrivacyRequest.Receive("m", kind, "更正我的手機號碼為0912345678", now);
        Assert.Equal(new DateOnly(2026, 12, 1), request.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 12, 1).AddDays(days), request.DueOn);
        request.Extend("調閱紙本資料", now);
        Assert.Equal(new DateOnly(2026, 12, 1).AddDays(2 * days), request.DueOn);
    }

    [Fact]
    public async Task An_overdue_request_cannot_be_extended_and_a_correction_says_what_to_correct()
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        var member = await kit.MemberAsync();
        var desk = kit.Get<PersonalDataRequests>();
        var vague = await desk.FileAsync(TestData.MemberActor(member), PrivacyRequestKind.Correction, "  ");
        Assert.Equal((OutcomeKind.Invalid, "請說明要補充或更正的資料與正確內容"), (vague.Kind, vague.Message));
        var hidden = await desk.FileAsync(TestData.MemberActor(member), PrivacyRequestKind.Correction, "姓名\u202E改為王小明");
        Assert.Equal(OutcomeKind.Invalid, hidden.Kind);
        Assert.Contains("U+202E", hidden.Message);

        var filed = await desk.FileAsync(TestData.MemberActor(member), PrivacyRequestKind.Deletion, null);
        var twice = await desk.FileAsync(TestData.MemberActor(member), PrivacyRequestKind.Deletion, null);
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);

        kit.Clock.Advance(TimeSpan.FromDays(31));
        var late = await desk.ExtendAsync(TestData.Office, filed.Value, "人力不足");
        Assert.Equal((OutcomeKind.Conflict, "此請求已逾期，不能再延長；請儘速處理"), (late.Kind, late.Message));
        var declined = await desk.DeclineAsync(TestData.Office, filed.Value, "已撥款之補助紀錄依規定須保存10年（個資法第11條第3項但書）");
        Assert.True(declined.Succeeded, declined.Message);
        var mine = (await desk.MineAsync(TestData.MemberActor(member))).Value!;
        Assert.Equal(PrivacyRequestState.Declined, mine.Single().State);
        Assert.Equal("個資請求不予處理", AuditActions.Label(PersonalDataRequests.DeclineAction));
    }

    private static async Task<PrivacyRequestRow> RowAsync(PersonalDataRequests desk, int id) =>
        (await desk.BoardAsync(TestData.Office)).Value!.Rows.Single(r => r.Id == id);
}
