using AiGO.Domain.Applications;
using AiGO.Web.Components.Pages.Applications;
using Bunit;
using MudBlazor.Services;

namespace AiGO.Tests.Applications;

public class MyApplicationCardTests : BunitContext, IAsyncLifetime
{
    public MyApplicationCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static MyApplication Application(ApplicationStatus status) => new(
        ApplicationId: 7, CourseId: 3, OrganiserName: "財團法人資訊工業策進會", CourseName: "測試C (請勿報名)",
        Start: new DateOnly(2020, 5, 6), End: new DateOnly(2020, 6, 6), ExpectedDisbursement: new DateOnly(2020, 7, 6), DisbursedOn: null,
        Status: status, Subsidy: 1000, HoldsMoney: ApplicationStatuses.HoldingMoney.Contains(status), WaitlistPosition: null,
        RejectionReason: null, CanReapply: false, CancelRefusal: null, TestText: "預計完成課程後開放", QuestionnaireText: "問卷尚未填寫", QuestionnaireFilled: false,
        QuestionnaireRefusal: "課程結束當天（2020-06-06）開放填寫", Checklist: null,
        History: [new StatusStep(DateTimeOffset.Parse("2020-04-01T02:00:00Z"), ApplicationStatus.Draft, status, "陳志堅", "填寫完成")]);

    [Fact]
    public void It_shows_the_manuals_fields_in_the_manuals_order()
    {
        // A trainee who takes part in the course: their completion checklist is there, so every field applies.
        var checklist = new CompletionChecklist([new ChecklistItem("attendance", "出席時數", ChecklistState.Pending, "尚未登錄出席時數。")], ChecklistState.Pending);
        var card = Render<MyApplicationCard>(p => p.Add(c => c.Application, Application(ApplicationStatus.Approved) with { Checklist = checklist, ShowsCancel = true }));

        var terms = card.FindAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(["開課單位：", "課程名稱：", "開課日期：", "預計撥款時間：", "實際撥款時間：", "測驗完成：", "申請狀態：", "政府補助額度：", "課程問卷："], terms);
        var values = card.FindAll("dd").Select(dd => dd.TextContent.Trim()).ToList();
        Assert.Equal(["財團法人資訊工業策進會", "測試C (請勿報名)", "2020-05-06 ~ 2020-06-06", "2020-07-06", "尚未撥款", "預計完成課程後開放", "已報名成功", "1000", "問卷尚未填寫"], values);
        Assert.Contains("取消報名", card.Markup);
        Assert.Contains("2020-04-01 10:00", card.Find("[data-testid=history]").TextContent);
    }

    [Fact]
    public void An_application_still_waiting_for_the_office_shows_no_test_or_questionnaire_yet()
    {
        var card = Render<MyApplicationCard>(p => p.Add(c => c.Application, Application(ApplicationStatus.Submitted)));

        var terms = card.FindAll("dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(["開課單位：", "課程名稱：", "開課日期：", "預計撥款時間：", "實際撥款時間：", "申請狀態：", "政府補助額度："], terms);
    }

    [Fact]
    public void A_fixable_rejection_shows_its_reason_and_offers_to_apply_again()
    {
        var rejected = Application(ApplicationStatus.Rejected) with { RejectionReason = "學習積分未達申請資格", CanReapply = true, CancelRefusal = "x" };
        var card = Render<MyApplicationCard>(p => p.Add(c => c.Application, rejected));

        Assert.Contains("未通過原因：學習積分未達申請資格", card.Find("[data-testid=rejection]").TextContent);
        var reapply = card.FindAll("a").Single(a => a.TextContent.Contains("修正後重新申請"));
        Assert.Equal("courses/3/apply", reapply.GetAttribute("href"));
        Assert.DoesNotContain("取消報名", card.Markup); // nothing left to cancel
        Assert.Contains("0（原 1000 元已釋出）", card.Find("[data-testid=subsidy]").TextContent);

        var final = Render<MyApplicationCard>(p => p.Add(c => c.Application, rejected with { CanReapply = false }));
        Assert.DoesNotContain("修正後重新申請", final.Markup);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
