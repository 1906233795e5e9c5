using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

/// <summary>未通過: the office rejects an application with a reason from its list plus free text; a freed seat goes to the waitlist.</summary>
public class RejectApplicationTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_office_rejects_with_a_reason_and_the_member_is_told_why_and_what_to_do(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync("王大明");
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);
        var organiserMails = (await kit.MailsToAsync("org@example.tw")).Count;

        var outcome = await kit.Get<RejectApplication>().RejectAsync(TestData.Office, id, "credits", "  上傳之證明非線上自學課程 ");

        Assert.True(outcome.Succeeded, outcome.Message);
        var now = kit.Clock.GetUtcNow();
        const string reason = "學習積分未達申請資格：上傳之證明非線上自學課程";
        var rejected = await kit.ApplicationAsync(id);
        Assert.Equal((ApplicationStatus.Rejected, "credits", reason), (rejected.Status, rejected.RejectionCode, rejected.RejectionReason));
        var step = (await kit.HistoryAsync(id))[^1];
        Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.Rejected, "office-id", "計畫辦公室", now, reason),
            (step.From!.Value, step.To, step.ActorId, step.ActorName, step.At, step.Reason));
        var audit = Assert.Single(await kit.AuditOfAsync(id));
        Assert.Equal(("application.reject", "office-id", now, $"資料科學：已申請 → 未通過：{reason}"), (audit.Action, audit.ActorId, audit.At, audit.Details));

        var mail = Assert.Single(await kit.MailsToAsync(member), m => m.Subject == "您申請參加AIGO計畫課程補助《資料科學》未通過");
        Assert.Contains($"原因：{reason}", mail.TextBody);
        Assert.Contains("修正後重新申請", mail.TextBody);
        Assert.Equal(organiserMails, (await kit.MailsToAsync("org@example.tw")).Count);

        var view = await kit.MyCourses.ListAsync(TestData.MemberActor(member));
        Assert.Equal((ApplicationStatus.Rejected, reason, false), (view.Applications.Single().Status, view.Applications.Single().RejectionReason, view.Applications.Single().HoldsMoney));
        Assert.Equal([LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id)], kit.ChangesSince(changes));
        Assert.Equal(signals + 1, kit.Mail.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_reason_that_no_correction_can_fix_does_not_ask_the_member_to_apply_again(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;

        Assert.True((await kit.Get<RejectApplication>().RejectAsync(TestData.Office, id, "nationality", "   ")).Succeeded);

        var rejected = await kit.ApplicationAsync(id);
        Assert.Equal(("nationality", "非本國籍，不符補助對象"), (rejected.RejectionCode, rejected.RejectionReason));
        var mail = Assert.Single(await kit.MailsToAsync(member), m => m.Subject.EndsWith("未通過"));
        Assert.Contains("原因：非本國籍，不符補助對象", mail.TextBody);
        Assert.DoesNotContain("修正後重新申請", mail.TextBody);
        Assert.False((await kit.MyCourses.ListAsync(TestData.MemberActor(member))).Applications.Single().CanReapply);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_office_rejecting_an_approved_application_frees_its_seat_for_the_waitlist(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1);
        var (first, second) = (await kit.MemberAsync(), await kit.MemberAsync("李小華"));
        var a = await kit.ApplyAsync(first, course);
        var b = await kit.ApplyAsync(second, course);

        var missing = await kit.Get<RejectApplication>().RejectAsync(TestData.Office, a.ApplicationId, "other", null);
        Assert.Contains("請說明原因", missing.Message);
        var organiser = await kit.Get<RejectApplication>().RejectAsync(TestData.OrganiserActor(course.OrganiserId), a.ApplicationId, "credits", null);
        Assert.Equal(OutcomeKind.Forbidden, organiser.Kind);
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);

        Assert.True((await kit.Get<RejectApplication>().RejectAsync(TestData.Office, a.ApplicationId, "credits", "上傳之證明非線上自學課程")).Succeeded);

        var rejected = await kit.ApplicationAsync(a.ApplicationId);
        Assert.Equal((ApplicationStatus.Rejected, "學習積分未達申請資格：上傳之證明非線上自學課程"), (rejected.Status, rejected.RejectionReason));
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(b.ApplicationId)).Status);
        Assert.Contains(await kit.MailsToAsync(first), m => m.Subject.Contains("未通過") && m.TextBody.Contains("修正後重新申請"));
        await using var db = kit.Db();
        Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "application.reject" && e.EntityId == a.ApplicationId.ToString()));

        // The promotion is part of the same change: its history, its mails, one wake-up of the sender.
        var promotion = (await kit.HistoryAsync(b.ApplicationId))[^1];
        Assert.Equal((ApplicationStatus.Waitlisted, ApplicationStatus.Approved, null, "名額釋出，備取遞補"),
            (promotion.From!.Value, promotion.To, promotion.ActorId, promotion.Reason));
        Assert.Contains(await kit.MailsToAsync(second), m => m.Subject == "您申請參加AIGO計畫課程補助《熱門課程》已由備取遞補通過");
        Assert.Contains(await kit.MailsToAsync("org@example.tw"), m => m.TextBody.Contains("李小華已申請參加「熱門課程」課程補助"));
        // The organiser had been asked to help the first trainee register and pay: it is told that is off.
        Assert.Contains(await kit.MailsToAsync("org@example.tw"), m => m.Subject == "學員課程補助申請未通過《熱門課程》" && m.TextBody.Contains(first.DisplayName));
        // Each application's audit entry says what happened to that application, and only that.
        var audit = Assert.Single(await kit.AuditOfAsync(a.ApplicationId));
        Assert.Equal("熱門課程：已報名成功 → 未通過：學習積分未達申請資格：上傳之證明非線上自學課程", audit.Details);
        var promotedAudit = Assert.Single(await kit.AuditOfAsync(b.ApplicationId));
        Assert.Equal($"熱門課程：備取 → 已報名成功：名額釋出，備取遞補（因申請 #{a.ApplicationId} 的處理連帶異動）", promotedAudit.Details);
        Assert.Equivalent(new[]
        {
            LiveChange.ForApplication(a.ApplicationId, course.Id, course.OrganiserId, first.Id),
            LiveChange.ForApplication(b.ApplicationId, course.Id, course.OrganiserId, second.Id),
        }, kit.ChangesSince(changes));
        Assert.Equal(signals + 1, kit.Mail.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Rejecting_a_waitlisted_application_frees_no_seat_and_moves_the_line_up(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", kit.Today.AddDays(10), seats: 1);
        var members = new[] { await kit.MemberAsync(), await kit.MemberAsync(), await kit.MemberAsync() };
        var ids = new List<int>();
        foreach (var m in members) ids.Add((await kit.ApplyAsync(m, course)).ApplicationId);

        Assert.True((await kit.Get<RejectApplication>().RejectAsync(TestData.Office, ids[1], "duplicate", null)).Succeeded);

        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(ids[0])).Status);
        Assert.Equal(ApplicationStatus.Rejected, (await kit.ApplicationAsync(ids[1])).Status);
        Assert.Equal("備取（第1位）", (await kit.MyCourses.ListAsync(TestData.MemberActor(members[2]))).Applications.Single().StatusText);
        Assert.Equal((ApplicationStatus.Waitlisted, ApplicationStatus.Rejected), ((await kit.HistoryAsync(ids[1]))[^1].From!.Value, (await kit.HistoryAsync(ids[1]))[^1].To));
        Assert.DoesNotContain(await kit.MailsToAsync(members[2]), m => m.Subject.Contains("遞補"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_rejection_needs_a_reason_from_the_list_and_an_explanation_for_other(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var id = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var reject = kit.Get<RejectApplication>();
        var before = await ActionFootprint.TakeAsync(kit);

        var noReason = await reject.RejectAsync(TestData.Office, id, "", "資料有誤");
        Assert.Equal((OutcomeKind.Invalid, "reason", "請選擇未通過原因"), (noReason.Kind, StaffActionChecks.Error(noReason).Field, noReason.Message));
        var unknown = await reject.RejectAsync(TestData.Office, id, "looks-odd", null);
        Assert.Equal((OutcomeKind.Invalid, "reason"), (unknown.Kind, StaffActionChecks.Error(unknown).Field));
        var unexplained = await reject.RejectAsync(TestData.Office, id, "other", "  ");
        Assert.Equal((OutcomeKind.Invalid, "note", "選擇「其他」時請說明原因"), (unexplained.Kind, StaffActionChecks.Error(unexplained).Field, unexplained.Message));
        var tooLong = await reject.RejectAsync(TestData.Office, id, "data", new string('字', 500));
        Assert.Equal((OutcomeKind.Invalid, "note", "原因說明長度限制400字以內，目前為500字"), (tooLong.Kind, StaffActionChecks.Error(tooLong).Field, tooLong.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
        var longest = await kit.ApplyAsync(await kit.MemberAsync(), course);
        Assert.True((await reject.RejectAsync(TestData.Office, longest.ApplicationId, "data", new string('字', RejectApplication.MaxNoteLength))).Succeeded);

        Assert.True((await reject.RejectAsync(TestData.Office, id, "other", "課程與職務無關")).Succeeded);
        Assert.Equal(("other", "其他：課程與職務無關"), ((await kit.ApplicationAsync(id)).RejectionCode, (await kit.ApplicationAsync(id)).RejectionReason));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_rejects_and_not_once_the_trainee_has_enrolled_or_left(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var (member, other) = (await kit.MemberAsync(), await kit.MemberAsync());
        var enrolled = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, enrolled);
        var cancelled = (await kit.ApplyAsync(other, course)).ApplicationId;
        Assert.True((await kit.Cancel.CancelAsync(TestData.MemberActor(other), cancelled)).Succeeded);
        var approved = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        var reject = kit.Get<RejectApplication>();
        var before = await ActionFootprint.TakeAsync(kit);

        var afterEnrolment = await reject.RejectAsync(TestData.Office, enrolled, "data", null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已完成報名繳費」，無法設為未通過。"), (afterEnrolment.Kind, afterEnrolment.Message));
        var afterCancelling = await reject.RejectAsync(TestData.Office, cancelled, "data", null);
        Assert.Equal((OutcomeKind.Conflict, "此申請目前為「已取消」，無法設為未通過。"), (afterCancelling.Kind, afterCancelling.Message));
        var organiser = await reject.RejectAsync(TestData.OrganiserActor(course.OrganiserId), approved, "data", null);
        Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以處理此申請"), (organiser.Kind, organiser.Message));
        var self = await reject.RejectAsync(TestData.MemberActor(member), enrolled, "data", null);
        Assert.Equal(OutcomeKind.Forbidden, self.Kind);
        var missing = await reject.RejectAsync(TestData.Office, 999_999, "data", null);
        Assert.Equal(OutcomeKind.NotFound, missing.Kind);
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
    }
}
