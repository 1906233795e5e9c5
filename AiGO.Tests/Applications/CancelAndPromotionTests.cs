using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

public class CancelAndPromotionTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cancelling_releases_the_seat_and_the_cap_and_promotes_the_first_waitlisted_member(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1);
        var (first, second, third) = (await kit.MemberAsync("王大明"), await kit.MemberAsync("李小華"), await kit.MemberAsync("張三"));
        var approved = await kit.ApplyAsync(first, course);
        var waiting = await kit.ApplyAsync(second, course);
        var last = await kit.ApplyAsync(third, course);
        Assert.Equal((ApplicationStatus.Waitlisted, 1, 2), (waiting.Status, waiting.WaitlistPosition, last.WaitlistPosition));

        var outcome = await kit.Cancel.CancelAsync(TestData.MemberActor(first), approved.ApplicationId);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(ApplicationStatus.Cancelled, (await kit.ApplicationAsync(approved.ApplicationId)).Status);
        var promoted = await kit.ApplicationAsync(waiting.ApplicationId);
        Assert.Equal((ApplicationStatus.Approved, 5000), (promoted.Status, promoted.Subsidy));
        Assert.Equal(ApplicationStatus.Waitlisted, (await kit.ApplicationAsync(last.ApplicationId)).Status);

        await using var db = kit.Db();
        Assert.Equal(0, await SubsidyQueries.HeldInYearAsync(db, first.Id, 2026));
        Assert.Equal(1, await SubsidyQueries.SeatsTakenAsync(db, course.Id));
        var history = await db.StatusChanges.Where(c => c.ApplicationId == waiting.ApplicationId).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal((ApplicationStatus.Waitlisted, ApplicationStatus.Approved, null, "名額釋出，備取遞補"),
            (history[^1].From!.Value, history[^1].To, history[^1].ActorId, history[^1].Reason));
        var cancelled = await db.StatusChanges.Where(c => c.ApplicationId == approved.ApplicationId).OrderBy(c => c.Id).LastAsync();
        Assert.Equal((first.Id, "學員取消報名"), (cancelled.ActorId, cancelled.Reason));

        Assert.Contains(await kit.MailsToAsync(first), m => m.Subject.Contains("您已取消AIGO計畫課程補助《熱門課程》") && m.TextBody.Contains("5000元已釋出"));
        Assert.Contains(await kit.MailsToAsync(second), m => m.Subject == "您申請參加AIGO計畫課程補助《熱門課程》已由備取遞補通過" && m.TextBody.Contains("有名額釋出"));
        var toOrganiser = await db.Outbox.Where(m => m.ToAddress == "org@example.tw").Select(m => m.TextBody).ToListAsync();
        Assert.Contains(toOrganiser, t => t.Contains("王大明已取消參加「熱門課程」"));
        Assert.Contains(toOrganiser, t => t.Contains("李小華已申請參加「熱門課程」課程補助"));
        Assert.Contains(waiting.ApplicationId, kit.Notifier.Applications);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Promotion_passes_over_a_member_no_longer_eligible_and_one_whose_cap_is_used_up(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1, fee: 10000);
        var (holder, sanctioned, capped, eligible) = (await kit.MemberAsync(), await kit.MemberAsync("被處分者"), await kit.MemberAsync("額度用完者"), await kit.MemberAsync("遞補者"));
        var seat = await kit.ApplyAsync(holder, course);
        var s1 = await kit.ApplyAsync(sanctioned, course);
        var s2 = await kit.ApplyAsync(capped, course);
        var s3 = await kit.ApplyAsync(eligible, course);

        await using (var db = kit.Db())
        {
            // While they wait: the office records a sanction for one; the other's cap year fills up through
            // applications approved elsewhere (e.g. courses the office imported for them).
            db.Sanctions.Add(new Sanction { MemberId = sanctioned.Id, From = kit.Today, Until = kit.Today.AddYears(2), Reason = "簽到未出席", RecordedAt = kit.Clock.GetUtcNow(), RecordedBy = "計畫辦公室" });
            var other = TestData.Course(await db.Organisers.SingleAsync(), "其他課程", new DateOnly(2026, 12, 28), fee: 40000);
            db.Courses.Add(other);
            db.Applications.Add(TestData.Application(other, capped, ApplicationStatus.Approved, 20000));
            await db.SaveChangesAsync();
        }

        Assert.True((await kit.Cancel.CancelAsync(TestData.MemberActor(holder), seat.ApplicationId)).Succeeded);

        var passedOver = await kit.ApplicationAsync(s1.ApplicationId);
        Assert.Equal((ApplicationStatus.Rejected, "sanction"), (passedOver.Status, passedOver.RejectionCode));
        Assert.Contains("停權", passedOver.RejectionReason);
        var noCap = await kit.ApplicationAsync(s2.ApplicationId);
        Assert.Equal((ApplicationStatus.Rejected, "cap"), (noCap.Status, noCap.RejectionCode));
        Assert.Contains("補助額度已用完", noCap.RejectionReason);
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(s3.ApplicationId)).Status);

        Assert.Contains(await kit.MailsToAsync(sanctioned), m => m.Subject.Contains("備取未能遞補") && m.TextBody.Contains("停權"));
        Assert.Contains(await kit.MailsToAsync(capped), m => m.Subject.Contains("備取未能遞補") && m.TextBody.Contains("補助額度已用完"));
        Assert.Contains(await kit.MailsToAsync(eligible), m => m.Subject.Contains("已由備取遞補通過"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_promotion_never_holds_more_than_the_cap_left_and_lowers_the_subsidy_to_fit(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1, fee: 10000);
        var (holder, waiting) = (await kit.MemberAsync(), await kit.MemberAsync());
        var seat = await kit.ApplyAsync(holder, course);
        var queued = await kit.ApplyAsync(waiting, course);
        Assert.Equal(5000, queued.Subsidy);
        await using (var db = kit.Db())
        {
            var other = TestData.Course(await db.Organisers.SingleAsync(), "其他課程", new DateOnly(2026, 12, 28), fee: 40000);
            db.Courses.Add(other);
            db.Applications.Add(TestData.Application(other, waiting, ApplicationStatus.Approved, 17000)); // cap left without the queued one: 3000
            await db.SaveChangesAsync();
        }

        await kit.Cancel.CancelAsync(TestData.MemberActor(holder), seat.ApplicationId);

        var promoted = await kit.ApplicationAsync(queued.ApplicationId);
        Assert.Equal((ApplicationStatus.Approved, 3000), (promoted.Status, promoted.Subsidy));
        await using var check = kit.Db();
        Assert.Equal(20000, await SubsidyQueries.HeldInYearAsync(check, waiting.Id, 2026));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cancelling_is_refused_from_the_start_date_on_and_for_someone_elses_application(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var starting = await kit.CourseAsync("一週後開課", kit.Today.AddDays(7));
        var later = await kit.CourseAsync("八天後開課", kit.Today.AddDays(8));
        var (member, stranger) = (await kit.MemberAsync(), await kit.MemberAsync());
        var mine = await kit.ApplyAsync(member, starting);
        var other = await kit.ApplyAsync(member, later);

        var notMine = await kit.Cancel.CancelAsync(TestData.MemberActor(stranger), mine.ApplicationId);
        Assert.Equal(OutcomeKind.Forbidden, notMine.Kind);

        kit.Clock.Advance(TimeSpan.FromDays(7)); // the first course's start date itself, the other's day before
        var tooLate = await kit.Cancel.CancelAsync(TestData.MemberActor(member), mine.ApplicationId);
        Assert.Equal(OutcomeKind.Invalid, tooLate.Kind);
        Assert.Contains("開課後無法取消報名", tooLate.Message);
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(mine.ApplicationId)).Status);

        Assert.True((await kit.Cancel.CancelAsync(TestData.MemberActor(member), other.ApplicationId)).Succeeded);
        var again = await kit.Cancel.CancelAsync(TestData.MemberActor(member), other.ApplicationId);
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Contains("已取消", again.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Cancelling_a_waitlisted_application_promotes_nobody_and_moves_the_line_up(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1);
        var members = new[] { await kit.MemberAsync(), await kit.MemberAsync(), await kit.MemberAsync() };
        var results = new List<SubmissionResult>();
        foreach (var m in members) results.Add(await kit.ApplyAsync(m, course));

        Assert.True((await kit.Cancel.CancelAsync(TestData.MemberActor(members[1]), results[1].ApplicationId)).Succeeded);

        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(results[0].ApplicationId)).Status);
        var view = await kit.MyCourses.ListAsync(TestData.MemberActor(members[2]));
        Assert.Equal("備取（第1位）", view.Applications.Single().StatusText);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Adding_seats_to_a_course_promotes_the_waitlist_in_order(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1);
        var results = new List<SubmissionResult>();
        for (var i = 0; i < 4; i++) results.Add(await kit.ApplyAsync(await kit.MemberAsync(), course));

        await using (var db = kit.Db())
        {
            var edited = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id);
            edited.PlannedSeats = 3;
            var saved = await kit.Courses.UpdateAsync(TestData.Office, edited);
            Assert.True(saved.Succeeded, saved.Message);
        }

        var statuses = new List<ApplicationStatus>();
        foreach (var r in results) statuses.Add((await kit.ApplicationAsync(r.ApplicationId)).Status);
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Waitlisted], statuses);
        Assert.Contains(results[2].ApplicationId, kit.Notifier.Applications);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Simultaneous_cancellations_promote_each_waitlisted_member_once_and_never_overfill(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 8);
        var members = new List<Domain.Accounts.AppUser>();
        var results = new List<SubmissionResult>();
        for (var i = 0; i < 12; i++)
        {
            members.Add(await kit.MemberAsync());
            results.Add(await kit.ApplyAsync(members[i], course));
        }

        // Six of the eight seated members cancel at once; four are waiting.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => kit.Cancel.CancelAsync(TestData.MemberActor(members[i]), results[i].ApplicationId))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Message));
        await using var db = kit.Db();
        Assert.Equal(6, await SubsidyQueries.SeatsTakenAsync(db, course.Id)); // 2 stayed + 4 promoted
        Assert.Equal(0, await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Waitlisted));
        Assert.Equal(4, await db.StatusChanges.CountAsync(c => c.From == ApplicationStatus.Waitlisted && c.To == ApplicationStatus.Approved));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task With_manual_review_a_promoted_application_waits_for_the_office_and_is_not_told_it_passed(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });
        var course = await kit.CourseAsync("熱門課程", new DateOnly(2026, 12, 20), seats: 1);
        var (first, second) = (await kit.MemberAsync(), await kit.MemberAsync());
        var a = await kit.ApplyAsync(first, course);
        var b = await kit.ApplyAsync(second, course);
        Assert.Equal((ApplicationStatus.Submitted, ApplicationStatus.Waitlisted), (a.Status, b.Status));

        await kit.Cancel.CancelAsync(TestData.MemberActor(first), a.ApplicationId);

        Assert.Equal(ApplicationStatus.Submitted, (await kit.ApplicationAsync(b.ApplicationId)).Status);
        var mails = await kit.MailsToAsync(second);
        Assert.Contains(mails, m => m.Subject.Contains("已受理"));
        Assert.DoesNotContain(mails, m => m.Subject.Contains("遞補通過"));
        Assert.True((await kit.Get<ApproveApplication>().ApproveAsync(TestData.Office, b.ApplicationId, null)).Succeeded);
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplicationAsync(b.ApplicationId)).Status);
    }
}
