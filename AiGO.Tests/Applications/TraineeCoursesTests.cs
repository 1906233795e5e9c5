using Microsoft.EntityFrameworkCore;
using AiGO.Domain.Applications;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;

namespace AiGO.Tests.Applications;

public class TraineeCoursesTests
{
    [Fact]
    public async Task The_page_counts_live_applications_apart_from_cancelled_ones_and_sums_only_the_subsidy_still_held()
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite, new SubsidyPolicy { DisbursementDelayDays = 45 });
        var member = await kit.MemberAsync();
        var kept = await kit.ApplyAsync(member, await kit.CourseAsync("保留的課程", new DateOnly(2026, 12, 10), fee: 8000));
        var dropped = await kit.ApplyAsync(member, await kit.CourseAsync("取消的課程", new DateOnly(2026, 12, 20), fee: 6000));
        await kit.Cancel.CancelAsync(TestData.MemberActor(member), dropped.ApplicationId);

        var view = await kit.MyCourses.ListAsync(TestData.MemberActor(member));

        Assert.Equal((1, 4000), (view.Count, view.SubsidyTotal));
        Assert.Equal([kept.ApplicationId], view.Current.Select(a => a.ApplicationId));
        Assert.Equal([dropped.ApplicationId], view.Ended.Select(a => a.ApplicationId));
        var row = view.Applications.Single(a => a.ApplicationId == kept.ApplicationId);
        Assert.Equal(("測試培訓單位", "保留的課程", new DateOnly(2026, 12, 17), new DateOnly(2027, 1, 31)), (row.OrganiserName, row.CourseName, row.End, row.ExpectedDisbursement));
        Assert.Equal(("已報名成功", "預計完成課程後開放", "問卷尚未填寫", true, false), (row.StatusText, row.TestText, row.QuestionnaireText, row.CanCancel, row.CanFillQuestionnaire));
        Assert.Equal("課程問卷於課程結束當天（2026-12-17）開放填寫。", row.QuestionnaireRefusal);
        Assert.Equal(["已報名成功"], row.History.Select(h => h.To.Label()));
        var cancelled = view.Applications.Single(a => a.ApplicationId == dropped.ApplicationId);
        Assert.Equal((ApplicationStatus.Cancelled, false, false), (cancelled.Status, cancelled.HoldsMoney, cancelled.CanCancel));
        // Nothing that no longer applies: no 問卷尚未填寫, no test, no 取消報名 on a cancelled card.
        Assert.Equal((false, false, true), (cancelled.ShowsProgress, cancelled.ShowsCancel, row.ShowsProgress));
        Assert.Equal(["已報名成功", "已取消"], cancelled.History.Select(h => h.To.Label()));

        var stranger = await kit.MyCourses.ListAsync(TestData.MemberActor(await kit.MemberAsync()));
        Assert.Empty(stranger.Applications);
    }

    [Fact]
    public async Task A_course_stored_with_an_extreme_date_still_lists_with_the_last_possible_payment_date()
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("日期有誤的課程", kit.Today.AddDays(10));
        var applied = await kit.ApplyAsync(member, course);
        // Stored before dates were bounded where they are entered.
        await using (var db = kit.Db())
            await db.Courses.Where(c => c.Id == course.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.StartDate, new DateOnly(9999, 12, 1)).SetProperty(c => c.EndDate, new DateOnly(9999, 12, 31)));

        var row = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Current.Single();

        Assert.Equal((applied.ApplicationId, new DateOnly(9999, 12, 31), DateOnly.MaxValue), (row.ApplicationId, row.End, row.ExpectedDisbursement));
    }

    [Fact]
    public async Task A_course_that_has_ended_offers_no_cancel_and_does_not_claim_it_has_only_started()
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("上週的課程", kit.Today.AddDays(3));
        var applied = await kit.ApplyAsync(member, course);

        kit.Clock.Advance(TimeSpan.FromDays(4)); // started, not ended: the button stays, greyed, with the reason
        var started = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Current.Single();
        Assert.True(started.ShowsCancel);
        Assert.Contains("開課後無法取消報名", started.CancelRefusal);

        kit.Clock.Advance(TimeSpan.FromDays(30));
        var ended = (await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Current.Single();
        Assert.Equal(applied.ApplicationId, ended.ApplicationId);
        Assert.False(ended.ShowsCancel);
        Assert.DoesNotContain("開課", ended.CancelRefusal);
        Assert.Contains("結束", ended.CancelRefusal);
    }

    [Fact]
    public async Task A_fixable_rejection_offers_to_fix_and_apply_again_while_the_course_is_open()
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("課程", new DateOnly(2026, 12, 10));
        var other = await kit.CourseAsync("另一門課程", new DateOnly(2026, 12, 12));
        var a = await kit.ApplyAsync(member, course);
        var b = await kit.ApplyAsync(member, other);
        await kit.Get<RejectApplication>().RejectAsync(TestData.Office, a.ApplicationId, "data", "服務單位統一編號有誤");
        await kit.Get<RejectApplication>().RejectAsync(TestData.Office, b.ApplicationId, "nationality", null);

        var view = await kit.MyCourses.ListAsync(TestData.MemberActor(member));

        var fixable = view.Applications.Single(x => x.ApplicationId == a.ApplicationId);
        Assert.Equal(("申請資料不完整或有誤：服務單位統一編號有誤", true), (fixable.RejectionReason, fixable.CanReapply));
        Assert.False(view.Applications.Single(x => x.ApplicationId == b.ApplicationId).CanReapply);
        Assert.Equal(0, view.SubsidyTotal);

        // Applying again is a new application; the old one stays in the history and no longer offers it.
        await kit.ApplyAsync(member, course);
        view = await kit.MyCourses.ListAsync(TestData.MemberActor(member));
        Assert.False(view.Applications.Single(x => x.ApplicationId == a.ApplicationId).CanReapply);
    }
}
