using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Office;

/// <summary>
/// 處分: the office records a sanction (2 years by default, optionally withdrawing one course's subsidy); the member may
/// not apply while it runs and the pre-check says until when; lifted early, it stops blocking at once.
/// </summary>
public class SanctionTests
{
    private const string Reason = "冒名簽到未實際出席";

    /// <summary>Submits as the wizard does, without asserting success.</summary>
    private static async Task<Outcome<SubmissionResult>> TryApplyAsync(ApplicationsKit kit, AppUser member, Course course)
    {
        MemberFacts facts;
        await using (var db = kit.Db()) facts = await new MemberFactsReader(kit.Protector).ReadAsync(db, member.Id);
        return await kit.Submit.SubmitAsync(TestData.MemberActor(member), course.Id, facts, new Consents(true, true, true));
    }

    /// <summary>The wizard's pre-check (<c>ApplyForCourse.LoadAsync</c>): the member's eligibility for the course, judged today.</summary>
    private static async Task<IReadOnlyList<EligibilityProblem>> PreCheckAsync(ApplicationsKit kit, AppUser member, Course course)
    {
        await using var db = kit.Db();
        var facts = await new MemberFactsReader(kit.Protector).ReadAsync(db, member.Id);
        var stored = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id);
        var eligibility = await MemberEligibility.LoadAsync(db, member.Id, stored, facts, kit.Policy, kit.Today);
        return Eligibility.Check(eligibility, stored, kit.Today);
    }

    private static async Task<int> RecordAsync(ApplicationsKit kit, AppUser member, int? courseId = null, DateOnly? from = null, DateOnly? until = null)
    {
        var outcome = await kit.Get<RecordSanction>().RecordAsync(TestData.Office, new SanctionInput(member.Id, courseId, Reason, from ?? kit.Today, until));
        Assert.True(outcome.Succeeded, outcome.Message);
        await using var db = kit.Db();
        return await db.Sanctions.Where(s => s.MemberId == member.Id).MaxAsync(s => s.Id);
    }

    private static async Task<List<AuditEntry>> AuditOfSanctionAsync(ApplicationsKit kit, int sanctionId)
    {
        await using var db = kit.Db();
        var id = sanctionId.ToString();
        return await db.AuditLog.AsNoTracking().Where(e => e.EntityType == "Sanction" && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
    }

    private static async Task<int> SanctionCountAsync(ApplicationsKit kit)
    {
        await using var db = kit.Db();
        return await db.Sanctions.CountAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sanction_blocks_applications_for_two_years_and_not_a_day_longer(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync("王大明");
        var soon = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var later = await kit.CourseAsync("機器學習進階", new DateOnly(2029, 1, 15));
        Assert.Equal(new DateOnly(2028, 11, 24), kit.Get<RecordSanction>().DefaultUntil(kit.Today));

        await RecordAsync(kit, member);

        var refused = await TryApplyAsync(kit, member, soon);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("sanction", "您的補助資格停權至2028-11-24。停權期間無法申請補助，如有疑問請洽計畫辦公室。"), (error.Field, error.Message));
        var problem = Assert.Single(await PreCheckAsync(kit, member, soon));
        Assert.Equal(("sanction", "您的補助資格停權至2028-11-24。"), (problem.Code, problem.Message));
        await using (var db = kit.Db()) Assert.Equal(0, await db.Applications.CountAsync());

        // The sanction's last day, two years less a day on: still blocked.
        kit.Clock.Advance(TimeSpan.FromDays(new DateOnly(2028, 11, 24).DayNumber - kit.Today.DayNumber));
        Assert.Equal(new DateOnly(2028, 11, 24), kit.Today);
        Assert.Contains("停權至2028-11-24", (await TryApplyAsync(kit, member, later)).Message);
        Assert.Equal(["sanction"], (await PreCheckAsync(kit, member, later)).Select(p => p.Code));

        // The next day it has run out.
        kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await PreCheckAsync(kit, member, later));
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplyAsync(member, later)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sanction_that_starts_later_does_not_block_before_it_starts_and_a_chosen_end_is_kept(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(30));
        var id = await RecordAsync(kit, member, from: kit.Today.AddDays(3), until: kit.Today.AddDays(40));

        Assert.Empty(await PreCheckAsync(kit, member, course));

        kit.Clock.Advance(TimeSpan.FromDays(3));
        var problem = Assert.Single(await PreCheckAsync(kit, member, course));
        Assert.Equal("您的補助資格停權至2027-01-04。", problem.Message);
        await using var db = kit.Db();
        var stored = await db.Sanctions.SingleAsync(s => s.Id == id);
        Assert.Equal((new DateOnly(2026, 11, 28), new DateOnly(2027, 1, 4), (int?)null), (stored.From, stored.Until, stored.CourseId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_lifted_sanction_stops_blocking_at_once_and_the_member_is_told(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync("王大明");
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var id = await RecordAsync(kit, member);
        Assert.Contains("停權至", (await TryApplyAsync(kit, member, course)).Message);
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);

        var lifted = await kit.Get<LiftSanction>().LiftAsync(TestData.Office, id, "  查明係系統簽到錯誤 ");

        Assert.True(lifted.Succeeded, lifted.Message);
        Assert.Empty(await PreCheckAsync(kit, member, course));
        Assert.Equal(ApplicationStatus.Approved, (await kit.ApplyAsync(member, course)).Status);

        await using (var db = kit.Db())
        {
            var stored = await db.Sanctions.SingleAsync(s => s.Id == id);
            Assert.Equal(((DateTimeOffset?)kit.Clock.GetUtcNow().AddSeconds(-1), "計畫辦公室", "查明係系統簽到錯誤"), (stored.LiftedAt, stored.LiftedBy, stored.LiftReason));
        }
        var audit = await AuditOfSanctionAsync(kit, id);
        Assert.Equal(["member.sanction", "member.sanction-lift"], audit.Select(a => a.Action));
        Assert.Equal(("office-id", "解除處分（原訂至2028-11-24）：查明係系統簽到錯誤"), (audit[1].ActorId, audit[1].Details));
        var mail = Assert.Single(await kit.MailsToAsync(member), m => m.Subject == "AIGO計畫補助資格停權解除通知");
        Assert.Contains("您的補助資格停權已解除，即日起可再申請課程補助。說明：查明係系統簽到錯誤", mail.TextBody);
        Assert.Equal(LiveChange.ForMember(member.Id), kit.ChangesSince(changes)[0]);
        Assert.True(kit.Mail.Count > signals);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lifting_twice_an_expired_or_a_missing_sanction_or_without_a_reason_is_refused_and_writes_nothing(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var lift = kit.Get<LiftSanction>();
        var id = await RecordAsync(kit, member);
        var expired = await RecordAsync(kit, member, from: new DateOnly(2024, 1, 1), until: new DateOnly(2025, 12, 31));

        var before = await ActionFootprint.TakeAsync(kit);
        var noReason = await lift.LiftAsync(TestData.Office, id, "  ");
        Assert.Equal((OutcomeKind.Invalid, "reason", "請填寫解除原因"), (noReason.Kind, StaffActionChecks.Error(noReason).Field, noReason.Message));
        var tooLong = await lift.LiftAsync(TestData.Office, id, new string('長', Sanction.MaxReasonLength + 1));
        Assert.Equal((OutcomeKind.Invalid, "reason"), (tooLong.Kind, StaffActionChecks.Error(tooLong).Field));
        var ran = await lift.LiftAsync(TestData.Office, expired, "已期滿");
        Assert.Equal((OutcomeKind.Conflict, "此處分已期滿，不需解除。"), (ran.Kind, ran.Message));
        var missing = await lift.LiftAsync(TestData.Office, 999_999, "查無此事");
        Assert.Equal((OutcomeKind.NotFound, "找不到此處分紀錄"), (missing.Kind, missing.Message));
        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));

        Assert.True((await lift.LiftAsync(TestData.Office, id, "查明係系統簽到錯誤")).Succeeded);
        var afterFirst = await ActionFootprint.TakeAsync(kit);
        var twice = await lift.LiftAsync(TestData.Office, id, "再解除一次");
        Assert.Equal((OutcomeKind.Conflict, "此處分已於先前解除。"), (twice.Kind, twice.Message));
        Assert.Equal(afterFirst, await ActionFootprint.TakeAsync(kit));
        await using var db = kit.Db();
        Assert.Equal("查明係系統簽到錯誤", (await db.Sanctions.SingleAsync(s => s.Id == id)).LiftReason);
        Assert.Empty(await PreCheckAsync(kit, member, course));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Lifting_one_sanction_leaves_another_that_still_runs_blocking(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var longer = await RecordAsync(kit, member);
        var shorter = await RecordAsync(kit, member, until: kit.Today.AddDays(100));

        Assert.True((await kit.Get<LiftSanction>().LiftAsync(TestData.Office, longer, "申訴成立")).Succeeded);

        var problem = Assert.Single(await PreCheckAsync(kit, member, course));
        Assert.Equal("您的補助資格停權至2027-03-05。", problem.Message);
        Assert.True((await kit.Get<LiftSanction>().LiftAsync(TestData.Office, shorter, "申訴成立")).Succeeded);
        Assert.Empty(await PreCheckAsync(kit, member, course));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sanction_for_a_course_withdraws_that_course_s_subsidy_and_the_upcoming_ones_and_is_recorded_audited_and_mailed(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync("王大明");
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var other = await kit.CourseAsync("機器學習", kit.Today.AddDays(20));
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        var upcoming = (await kit.ApplyAsync(member, other)).ApplicationId;
        await kit.EnrolAsync(course, id);
        kit.Clock.Advance(TimeSpan.FromDays(12)); // the course is under way: 2026-12-07
        await using (var db = kit.Db()) Assert.Equal(10000, await SubsidyQueries.HeldInYearAsync(db, member.Id, 2026));
        var (changes, signals) = (kit.Notifier.Changes.Count, kit.Mail.Count);
        var historyBefore = (await kit.HistoryAsync(id)).Count;

        var outcome = await kit.Get<RecordSanction>().RecordAsync(TestData.Office, new SanctionInput(member.Id, course.Id, $"  {Reason} ", kit.Today));

        Assert.True(outcome.Succeeded, outcome.Message);
        var now = kit.Clock.GetUtcNow();
        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(id)).Status);
        // No subsidy while it runs: the application on a course starting in its period is withdrawn too.
        var withdrawn = await kit.ApplicationAsync(upcoming);
        Assert.Equal((ApplicationStatus.Rejected, "sanction", "處分期間不得申請補助"), (withdrawn.Status, withdrawn.RejectionCode, withdrawn.RejectionReason));
        Assert.Contains(await kit.MailsToAsync(member), m => m.Subject == "您申請參加AIGO計畫課程補助《機器學習》未通過");
        await using (var db = kit.Db())
        {
            // Both holds are released.
            Assert.Equal(0, await SubsidyQueries.HeldInYearAsync(db, member.Id, 2026));
            Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == "member.sanction" && e.EntityType == "Application"));
            var sanction = await db.Sanctions.SingleAsync();
            Assert.Equal((member.Id, (int?)course.Id, new DateOnly(2026, 12, 7), new DateOnly(2028, 12, 6), Reason, now, "計畫辦公室", (DateTimeOffset?)null),
                (sanction.MemberId, sanction.CourseId, sanction.From, sanction.Until, sanction.Reason, sanction.RecordedAt, sanction.RecordedBy, sanction.LiftedAt));

            var audit = Assert.Single(await AuditOfSanctionAsync(kit, sanction.Id));
            Assert.Equal(("member.sanction", "office-id", "計畫辦公室", now, $"處分 2026-12-07 ~ 2028-12-06，取消「資料科學」補助：{Reason}"),
                (audit.Action, audit.ActorId, audit.ActorName, audit.At, audit.Details));
        }
        var history = await kit.HistoryAsync(id);
        Assert.Equal(historyBefore + 1, history.Count);
        Assert.Equal((ApplicationStatus.Enrolled, ApplicationStatus.NotCompleted, "office-id", "計畫辦公室", now, $"處分：{Reason}"),
            (history[^1].From!.Value, history[^1].To, history[^1].ActorId, history[^1].ActorName, history[^1].At, history[^1].Reason));

        var mail = Assert.Single(await kit.MailsToAsync(member), m => m.Subject == "AIGO計畫補助資格停權通知");
        Assert.Contains("您參加「資料科學」課程的政府補助已取消", mail.TextBody);
        Assert.Contains($"自2026-12-07起至2028-12-06止，您不得申請課程補助。原因：{Reason}", mail.TextBody);
        Assert.Contains(LiveChange.ForMember(member.Id), kit.ChangesSince(changes));
        Assert.Contains(LiveChange.ForApplication(id, course.Id, course.OrganiserId, member.Id), kit.ChangesSince(changes));
        Assert.Equal(signals + 1, kit.Mail.Count);

        var view = await kit.MyCourses.ListAsync(TestData.MemberActor(member));
        Assert.Equal((ApplicationStatus.NotCompleted, false), (view.Applications.Single(a => a.ApplicationId == id).Status, view.Applications.Single(a => a.ApplicationId == id).HoldsMoney));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sanction_for_a_completed_course_withdraws_its_subsidy_too(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        await kit.CompleteAsync(course, (member, id));

        Assert.True((await kit.Get<RecordSanction>().RecordAsync(TestData.Office, new SanctionInput(member.Id, course.Id, Reason, kit.Today))).Succeeded);

        Assert.Equal(ApplicationStatus.NotCompleted, (await kit.ApplicationAsync(id)).Status);
        Assert.Equal((ApplicationStatus.Completed, $"處分：{Reason}"), ((await kit.HistoryAsync(id))[^1].From!.Value, (await kit.HistoryAsync(id))[^1].Reason));
        await using var db = kit.Db();
        Assert.Equal(0, await SubsidyQueries.HeldInYearAsync(db, member.Id, course.StartDate.Year));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sanction_naming_a_course_the_member_has_not_attended_is_refused_and_nothing_is_written(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var approvedOnly = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var notApplied = await kit.CourseAsync("機器學習", kit.Today.AddDays(20));
        var stranger = await kit.MemberAsync();
        var strangers = (await kit.ApplyAsync(stranger, notApplied)).ApplicationId;
        await kit.EnrolAsync(notApplied, strangers);
        await kit.ApplyAsync(member, approvedOnly);
        var record = kit.Get<RecordSanction>();
        var before = await ActionFootprint.TakeAsync(kit);

        foreach (var courseId in new[] { approvedOnly.Id, notApplied.Id, 999_999 })
        {
            var refused = await record.RecordAsync(TestData.Office, new SanctionInput(member.Id, courseId, Reason, kit.Today));
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
            Assert.Equal(("course", "此會員在該課程沒有已完成報名繳費或已結訓的申請，無法取消其補助"),
                (StaffActionChecks.Error(refused).Field, refused.Message));
        }

        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
        Assert.Equal(0, await SanctionCountAsync(kit));
        Assert.Empty(await PreCheckAsync(kit, member, notApplied));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_sanction_needs_a_reason_an_end_not_before_its_start_and_a_member_that_exists(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var record = kit.Get<RecordSanction>();
        var before = await ActionFootprint.TakeAsync(kit);

        var empty = await record.RecordAsync(TestData.Office, new SanctionInput(member.Id, null, "   ", kit.Today));
        Assert.Equal((OutcomeKind.Invalid, "reason", "請填寫處分原因"), (empty.Kind, StaffActionChecks.Error(empty).Field, empty.Message));
        var missing = await record.RecordAsync(TestData.Office, new SanctionInput(member.Id, null, null!, kit.Today));
        Assert.Equal((OutcomeKind.Invalid, "reason"), (missing.Kind, StaffActionChecks.Error(missing).Field));
        var tooLong = await record.RecordAsync(TestData.Office, new SanctionInput(member.Id, null, new string('長', Sanction.MaxReasonLength + 1), kit.Today));
        Assert.Equal((OutcomeKind.Invalid, "reason", "處分原因長度限制500字以內，目前為501字"), (tooLong.Kind, StaffActionChecks.Error(tooLong).Field, tooLong.Message));
        var backwards = await record.RecordAsync(TestData.Office, new SanctionInput(member.Id, null, Reason, kit.Today, kit.Today.AddDays(-1)));
        Assert.Equal((OutcomeKind.Invalid, "until", "處分結束日不可早於開始日"), (backwards.Kind, StaffActionChecks.Error(backwards).Field, backwards.Message));
        var nobody = await record.RecordAsync(TestData.Office, new SanctionInput("no-such-member", null, Reason, kit.Today));
        Assert.Equal((OutcomeKind.NotFound, "找不到此會員"), (nobody.Kind, nobody.Message));

        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
        Assert.Equal(0, await SanctionCountAsync(kit));

        // A one-day sanction (until = from) is allowed.
        Assert.True((await record.RecordAsync(TestData.Office, new SanctionInput(member.Id, null, Reason, kit.Today, kit.Today))).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_register_lists_sanctions_in_force_first_and_finds_a_member_with_the_courses_a_sanction_could_withdraw(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var (a, b, c) = (await kit.MemberAsync("甲"), await kit.MemberAsync("乙"), await kit.MemberAsync("丙"));
        var expired = await RecordAsync(kit, a, from: new DateOnly(2023, 3, 1), until: new DateOnly(2025, 2, 28));
        var older = await RecordAsync(kit, b, from: kit.Today.AddDays(-30));
        var lifted = await RecordAsync(kit, c, from: kit.Today.AddDays(-10));
        var newer = await RecordAsync(kit, a, from: kit.Today);
        var future = await RecordAsync(kit, c, from: kit.Today.AddDays(5));
        Assert.True((await kit.Get<LiftSanction>().LiftAsync(TestData.Office, lifted, "申訴成立")).Succeeded);
        var register = kit.Get<SanctionRegister>();

        var list = await register.ListAsync(TestData.Office);

        Assert.True(list.Succeeded, list.Message);
        // In force (not lifted, not run out) first, the latest start first; then the rest.
        Assert.Equal([future, newer, older, lifted, expired], list.Value!.Select(r => r.Id));
        Assert.Equal([true, true, true, false, false], list.Value!.Select(r => r.InForce(kit.Today)));
        var row = list.Value!.Single(r => r.Id == lifted);
        Assert.Equal(("丙", c.Email, (string?)null, "計畫辦公室", "申訴成立", Reason), (row.MemberName, row.Email, row.CourseName, row.LiftedBy, row.LiftReason, row.Reason));

        // The member found by e-mail (as typed), with the courses whose subsidy a sanction could withdraw.
        var member = await kit.MemberAsync("丁");
        var enrolled = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var completed = await kit.CourseAsync("機器學習", kit.Today.AddDays(5));
        var approved = await kit.CourseAsync("生成式AI", kit.Today.AddDays(40));
        var cancelled = await kit.CourseAsync("深度學習", kit.Today.AddDays(50));
        var e = (await kit.ApplyAsync(member, enrolled)).ApplicationId;
        var d = (await kit.ApplyAsync(member, completed)).ApplicationId;
        await kit.ApplyAsync(member, approved);
        var x = (await kit.ApplyAsync(member, cancelled)).ApplicationId;
        Assert.True((await kit.Cancel.CancelAsync(TestData.MemberActor(member), x)).Succeeded);
        await kit.EnrolAsync(enrolled, e);
        await kit.EnrolAsync(completed, d);
        await kit.CompleteAsync(completed, (member, d));

        var found = await register.FindAsync(TestData.Office, $"  {member.Email!.ToUpperInvariant()} ");

        Assert.True(found.Succeeded, found.Message);
        Assert.Equal((member.Id, "丁", member.Email), (found.Value!.MemberId, found.Value.Name, found.Value.Email));
        Assert.Equal([(enrolled.Id, "資料科學"), (completed.Id, "機器學習")], found.Value.Courses.Select(o => (o.Value, o.Label)));

        var unknown = await register.FindAsync(TestData.Office, "nobody@example.tw");
        Assert.Equal((OutcomeKind.Invalid, "email", "查無此信箱的會員"), (unknown.Kind, StaffActionChecks.Error(unknown).Field, unknown.Message));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_records_lifts_and_reads_sanctions(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var member = await kit.MemberAsync();
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await kit.EnrolAsync(course, id);
        var sanction = await RecordAsync(kit, member);
        var before = await ActionFootprint.TakeAsync(kit);
        int sanctionsBefore;
        await using (var db = kit.Db()) sanctionsBefore = await db.Sanctions.CountAsync(s => s.LiftedAt == null);

        foreach (var actor in new[] { TestData.MemberActor(member), TestData.OrganiserActor(course.OrganiserId) })
        {
            var record = await kit.Get<RecordSanction>().RecordAsync(actor, new SanctionInput(member.Id, course.Id, Reason, kit.Today));
            Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以處理會員的資格"), (record.Kind, record.Message));
            var lift = await kit.Get<LiftSanction>().LiftAsync(actor, sanction, "自行解除");
            Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以處理會員的資格"), (lift.Kind, lift.Message));
            var list = await kit.Get<SanctionRegister>().ListAsync(actor);
            Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以使用管理中心"), (list.Kind, list.Message));
            var find = await kit.Get<SanctionRegister>().FindAsync(actor, member.Email!);
            Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以使用管理中心"), (find.Kind, find.Message));
        }
        var visitor = await kit.Get<RecordSanction>().RecordAsync(Actor.Visitor, new SanctionInput(member.Id, null, Reason, kit.Today));
        Assert.Equal((OutcomeKind.Forbidden, "請先登入"), (visitor.Kind, visitor.Message));

        Assert.Equal(before, await ActionFootprint.TakeAsync(kit));
        await using (var db = kit.Db()) Assert.Equal(sanctionsBefore, await db.Sanctions.CountAsync(s => s.LiftedAt == null));
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(id)).Status);
    }
}
