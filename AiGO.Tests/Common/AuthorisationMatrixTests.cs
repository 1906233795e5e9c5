using System.Reflection;
using System.Text.RegularExpressions;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using AiGO.Domain.Organisers;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Common;

/// <summary>
/// Who may do what (SPEC §1: authorisation is enforced in the services, not only by hiding UI), as one table.
/// Every public service method that takes the acting <see cref="Actor"/> first and answers with an
/// <see cref="Outcome"/> or a <see cref="BatchOutcome"/> has a row, found by reflection, so a new command cannot be
/// added without saying who may call it. Each row is tried by six callers against a fresh target that lets the call
/// succeed: an allowed caller succeeds; a denied one is refused as Forbidden and nothing is written.
/// </summary>
public class AuthorisationMatrixTests
{
    public enum Caller { Visitor, OwnMember, OtherMember, OwnOrganiser, OtherOrganiser, Office }

    private static readonly Caller[] Callers = Enum.GetValues<Caller>();

    private const Caller OwnMember = Caller.OwnMember, OtherMember = Caller.OtherMember,
        OwnOrganiser = Caller.OwnOrganiser, OtherOrganiser = Caller.OtherOrganiser, Office = Caller.Office;

    /// <summary>
    /// One row: the method ("Type.Method"), the callers it allows (every other is denied), and how to set up a fresh
    /// target and call it. "Own" is relative to the target: the application's member, the course's organiser.
    /// </summary>
    private sealed record Row(string Method, Caller[] Allowed, Func<Arena, Task<Target>> Prepare);

    /// <summary>A target set up so that an allowed call succeeds: what the call may change, and the call itself.</summary>
    private sealed record Target(AppUser Member, int? CourseId, IReadOnlyList<int> Applications, Func<Actor, Task<object>> Call)
    {
        /// <summary>After an allowed call: what else must hold (null when it does), e.g. whose course was created.</summary>
        public Func<Actor, Task<string?>>? Verify { get; init; }
    }

    private static readonly Row[] Table =
    [
        // ── The member's own application ──
        // An application is always the caller's own (the method cannot name another member), so "other member"
        // applies for itself, on a course it has no application for, and may. Staff accounts are not applicants.
        new("SubmitApplication.SubmitAsync", [OwnMember, OtherMember], async a =>
        {
            var (member, course) = (await a.MemberAsync(), await a.CourseAsync(Starts.Later));
            return new(member, course.Id, [], async actor =>
                await a.Get<SubmitApplication>().SubmitAsync(actor, course.Id, await a.FactsAsync(actor.Id ?? member.Id), new Consents(true, true, true)));
        }),
        new("CancelApplication.CancelAsync", [OwnMember], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            (actor, ids) => a.Get<CancelApplication>().CancelAsync(actor, ids[0]))),
        new("FillQuestionnaire.SubmitAsync", [OwnMember], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Enrolled, 1,
            (actor, ids) => a.Get<FillQuestionnaire>().SubmitAsync(actor, ids[0], AllAnswered()))),

        // ── The office's decisions ──
        new("ApproveApplication.ApproveAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Submitted, 1,
            (actor, ids) => a.Get<ApproveApplication>().ApproveAsync(actor, ids[0], "審核通過"))),
        new("ApproveApplication.ApproveManyAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Submitted, 2,
            (actor, ids) => a.Get<ApproveApplication>().ApproveManyAsync(actor, ids, null))),
        new("RejectApplication.RejectAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Submitted, 1,
            (actor, ids) => a.Get<RejectApplication>().RejectAsync(actor, ids[0], "data", "身分證明文件不清楚"))),
        new("RejectApplication.RejectManyAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Submitted, 2,
            (actor, ids) => a.Get<RejectApplication>().RejectManyAsync(actor, ids, "data", "身分證明文件不清楚"))),
        new("RecordDisbursement.RecordAsync", [Office], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Completed, 1,
            (actor, ids) => a.Get<RecordDisbursement>().RecordAsync(actor, ids[0], a.Today, null))),
        new("RecordDisbursement.RecordManyAsync", [Office], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Completed, 2,
            (actor, ids) => a.Get<RecordDisbursement>().RecordManyAsync(actor, ids, a.Today, "第一批"))),

        // ── The course's organiser (or the office) ──
        new("ConfirmEnrolment.ConfirmAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            (actor, ids) => a.Get<ConfirmEnrolment>().ConfirmAsync(actor, ids[0], "已繳費"))),
        new("ConfirmEnrolment.ConfirmManyAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 2,
            (actor, ids) => a.Get<ConfirmEnrolment>().ConfirmManyAsync(actor, ids, null))),
        // 出席登錄: one session's roster, for the course's own organiser and the office.
        new("RecordRoster.RecordAsync", [OwnOrganiser, Office], async a =>
        {
            Target target = null!;
            var session = 0;
            target = await a.OnApplicationsAsync(Starts.Started, ApplicationStatus.Enrolled, 1,
                (actor, ids) => a.Get<RecordRoster>().RecordAsync(actor, target.CourseId!.Value, session, [new AttendanceMark(ids[0], 180)], null));
            session = await a.SessionAsync(target.CourseId!.Value, a.Today.AddDays(-1));
            return target;
        }),
        new("RecordTestResult.RecordAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Enrolled, 1,
            (actor, ids) => a.Get<RecordTestResult>().RecordAsync(actor, ids[0], true, null))),
        new("IssueCertificate.IssueAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Enrolled, 1,
            (actor, ids) => a.Get<IssueCertificate>().IssueAsync(actor, ids[0], a.Today, null))),
        new("RecordTestResult.RecordManyAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Enrolled, 2,
            (actor, ids) => a.Get<RecordTestResult>().RecordManyAsync(actor, ids, true, null))),
        new("IssueCertificate.IssueManyAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Ended, ApplicationStatus.Enrolled, 2,
            (actor, ids) => a.Get<IssueCertificate>().IssueManyAsync(actor, ids, a.Today, null))),

        // ── Courses: "own" and "other" member are both just trainees here ──
        // A new course is always its organiser's own draft: another organiser's form is bound to its own 開課單位, not
        // refused, so it may (and the course must then be its own, not the target organiser's).
        new("SaveCourse.CreateAsync", [OwnOrganiser, OtherOrganiser, Office], a =>
        {
            var name = $"新課程{Guid.NewGuid():N}";
            return Task.FromResult(new Target(a.Trainees[0], null, [], async actor =>
            {
                var draft = TestData.Course(a.Own, name, a.Today.AddDays(60), status: CourseStatus.Draft);
                draft.Organiser = null!;
                draft.OrganiserId = a.Own.Id;
                return await a.Get<SaveCourse>().CreateAsync(actor, draft);
            })
            {
                Verify = async actor =>
                {
                    await using var db = a.Db();
                    var stored = await db.Courses.AsNoTracking().SingleAsync(c => c.Name == name);
                    var owner = actor.IsOffice ? a.Own.Id : actor.OrganiserId;
                    return stored.OrganiserId == owner ? null : $"the course was created for organiser {stored.OrganiserId}, not {owner}";
                },
            });
        }),
        // An organiser edits only its own drafts (CourseAccess.Edit), so the target is a draft.
        new("SaveCourse.UpdateAsync", [OwnOrganiser, Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later, CourseStatus.Draft);
            return new(a.Trainees[0], course.Id, [], async actor =>
            {
                Course edited;
                await using (var db = a.Db()) edited = await db.Courses.AsNoTracking().SingleAsync(c => c.Id == course.Id);
                edited.Name += "（修訂）";
                return await a.Get<SaveCourse>().UpdateAsync(actor, edited);
            });
        }),
        // 上課日: the course's own organiser and the office, until it starts.
        new("EditSessions.SaveAsync", [OwnOrganiser, Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<EditSessions>().SaveAsync(actor, course.Id,
                [new SessionInput(course.StartDate, new TimeOnly(9, 0), new TimeOnly(16, 0), 360), new SessionInput(course.StartDate.AddDays(1), new TimeOnly(9, 0), new TimeOnly(16, 0), 360)]));
        }),
        new("ChangeCourseStatus.SetAsync", [Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later, CourseStatus.Draft, ready: true);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<ChangeCourseStatus>().SetAsync(actor, course.Id, CourseStatus.Published));
        }),
        // 送審 is the organiser asking the office; the office publishes with SetAsync instead.
        new("ChangeCourseStatus.SubmitForPublicationAsync", [OwnOrganiser], async a =>
        {
            var course = await a.CourseAsync(Starts.Later, CourseStatus.Draft, ready: true);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<ChangeCourseStatus>().SubmitForPublicationAsync(actor, course.Id));
        }),

        // ── The office acting on a member ──
        new("RecordSanction.RecordAsync", [Office], a =>
        {
            var member = a.NextTrainee();
            return Task.FromResult(new Target(member, null, [], async actor =>
                await a.Get<RecordSanction>().RecordAsync(actor, new SanctionInput(member.Id, null, "冒名簽到未實際出席", a.Today))));
        }),
        new("LiftSanction.LiftAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var sanction = await a.SanctionAsync(member);
            return new Target(member, null, [], async actor => await a.Get<LiftSanction>().LiftAsync(actor, sanction, "查明係系統簽到錯誤"));
        }),
        new("ReviewLearningCredit.ApproveAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var credit = await a.PendingCreditAsync(member);
            return new Target(member, null, [], async actor => await a.Get<ReviewLearningCredit>().ApproveAsync(actor, credit, 2, null));
        }),
        new("ReviewLearningCredit.RejectAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var credit = await a.PendingCreditAsync(member);
            return new Target(member, null, [], async actor => await a.Get<ReviewLearningCredit>().RejectAsync(actor, credit, "證明文件模糊無法辨識"));
        }),

        // ── Reads that keep the same convention (they write nothing either way) ──
        new("CourseAdminQueries.ForOfficeAsync", [Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later, CourseStatus.Draft);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<CourseAdminQueries>().ForOfficeAsync(actor, null, 0, 20));
        }),
        new("CreditReviewQueue.LoadAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<CreditReviewQueue>().LoadAsync(actor)))),
        // Viewing a proof is audited: a refused caller must not leave even that trace.
        new("CreditReviewQueue.OpenProofAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var credit = await a.PendingCreditAsync(member);
            return new Target(member, null, [], async actor => await a.Get<CreditReviewQueue>().OpenProofAsync(actor, credit));
        }),
        new("ApplicationDossier.LoadAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            (actor, ids) => a.Get<ApplicationDossier>().LoadAsync(actor, ids[0]))),
        new("SanctionRegister.ListAsync", [Office], a =>
            Task.FromResult(new Target(a.NextTrainee(), null, [], async actor => await a.Get<SanctionRegister>().ListAsync(actor)))),
        new("SanctionRegister.FindAsync", [Office], a =>
        {
            var member = a.NextTrainee();
            return Task.FromResult(new Target(member, null, [], async actor => await a.Get<SanctionRegister>().FindAsync(actor, member.Email!)));
        }),
        // 申請名單: the course's own organiser and the office.
        new("ApplicantList.LoadAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            async (actor, _) => await a.Get<AiGO.Domain.Organisers.ApplicantList>().LoadAsync(actor, (await a.CourseOfAsync(_[0]))))),
        new("AttendanceRoster.LoadAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Started, ApplicationStatus.Enrolled, 1,
            async (actor, ids) => await a.Get<AiGO.Domain.Organisers.AttendanceRoster>().LoadAsync(actor, await a.CourseOfAsync(ids[0])))),
        // 匯出Excel: the list's own rule; the audit entry an allowed export writes is its only trace.
        new("ApplicantExport.ExportAsync", [OwnOrganiser, Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            async (actor, ids) => await a.Get<ApplicantExport>().ExportAsync(actor, await a.CourseOfAsync(ids[0]), fullNationalIds: true))),
        // 開課單位帳號: the office keeps the register.
        new("OrganiserRegistry.ListAsync", [Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<OrganiserRegistry>().ListAsync(actor));
        }),
        new("OrganiserRegistry.SaveAsync", [Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<OrganiserRegistry>().SaveAsync(actor, a.Own.Id,
                new OrganiserInput(a.Own.Name, "04231910", "王小明", "0266316666", "own@example.tw")));
        }),
        new("ApplicationBoard.LoadAsync", [Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<ApplicationBoard>().LoadAsync(actor, new BoardFilter(CourseId: course.Id)));
        }),
        // 稽核紀錄: reading it and exporting it (an export is audited, so a refused one must leave no entry).
        new("AuditLogQuery.LoadAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<AuditLogQuery>().LoadAsync(actor, new AuditFilter())))),
        new("AuditLogQuery.ExportAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<AuditLogQuery>().ExportAsync(actor, new AuditFilter())))),
        // 郵件佇列: the outbox, one mail's text, and putting a failed mail back in the queue.
        new("OutboxQueue.LoadAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<OutboxQueue>().LoadAsync(actor, new MailFilter())))),
        new("OutboxQueue.OpenAsync", [Office], async a =>
        {
            var mail = await a.FailedMailAsync();
            return new Target(a.Trainees[0], null, [], async actor => await a.Get<OutboxQueue>().OpenAsync(actor, mail));
        }),
        new("ResendMail.ResendAsync", [Office], async a =>
        {
            var mail = await a.FailedMailAsync();
            return new Target(a.Trainees[0], null, [], async actor => await a.Get<ResendMail>().ResendAsync(actor, mail));
        }),
        // ── 代碼維護 and 報表: the office only ──
        new("EditCodes.ListAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<EditCodes>().ListAsync(actor)))),
        new("EditCodes.RenameAsync", [Office], async a =>
        {
            var code = await a.CodeAsync();
            return new Target(a.Trainees[0], null, [], async actor => await a.Get<EditCodes>().RenameAsync(actor, code, $"改名{code}"));
        }),
        new("EditCodes.AddAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<EditCodes>().AddAsync(actor, CodeTableKind.Motivation, a.NextCode(), "新增的動機")))),
        new("EditCodes.RetireAsync", [Office], async a =>
        {
            var code = await a.CodeAsync();
            return new Target(a.Trainees[0], null, [], async actor => await a.Get<EditCodes>().RetireAsync(actor, code));
        }),
        new("EditCodes.DeleteAsync", [Office], async a =>
        {
            var code = await a.CodeAsync();
            return new Target(a.Trainees[0], null, [], async actor => await a.Get<EditCodes>().DeleteAsync(actor, code));
        }),
        new("SubsidyReport.LoadAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            (actor, _) => a.Get<SubsidyReport>().LoadAsync(actor, a.Today.Year))),
        // The export is audited: a refused caller must not leave that trace.
        new("SubsidyReport.ExportAsync", [Office], a => a.OnApplicationsAsync(Starts.Later, ApplicationStatus.Approved, 1,
            (actor, _) => a.Get<SubsidyReport>().ExportAsync(actor, a.Today.Year))),
        // ── 個資請求: any account files and reads its own; the office handles them ──
        new("PersonalDataRequests.FileAsync", [OwnMember, OtherMember, OwnOrganiser, OtherOrganiser, Office], a =>
        {
            var kind = a.NextRequestKind();
            return Task.FromResult(new Target(a.NextTrainee(), null, [], async actor =>
                await a.Get<PersonalDataRequests>().FileAsync(actor, kind, "請更正我的服務單位名稱"))
            {
                Verify = async actor =>
                {
                    await using var db = a.Db();
                    return await db.PrivacyRequests.AnyAsync(r => r.MemberId == actor.Id && r.Kind == kind) ? null : "no request was filed for the caller";
                },
            });
        }),
        new("PersonalDataRequests.MineAsync", [OwnMember, OtherMember, OwnOrganiser, OtherOrganiser, Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<PersonalDataRequests>().MineAsync(actor)))),
        new("PersonalDataRequests.BoardAsync", [Office], a =>
            Task.FromResult(new Target(a.Trainees[0], null, [], async actor => await a.Get<PersonalDataRequests>().BoardAsync(actor)))),
        new("PersonalDataRequests.ExtendAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var request = await a.PrivacyRequestAsync(member);
            return new Target(member, null, [], async actor => await a.Get<PersonalDataRequests>().ExtendAsync(actor, request, "需調閱紙本資料"));
        }),
        new("PersonalDataRequests.CompleteAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var request = await a.PrivacyRequestAsync(member);
            return new Target(member, null, [], async actor => await a.Get<PersonalDataRequests>().CompleteAsync(actor, request, "已寄送複製本"));
        }),
        new("PersonalDataRequests.DeclineAsync", [Office], async a =>
        {
            var member = a.NextTrainee();
            var request = await a.PrivacyRequestAsync(member);
            return new Target(member, null, [], async actor => await a.Get<PersonalDataRequests>().DeclineAsync(actor, request, "補助紀錄依規定保存"));
        }),
        // 匯入學員: the course's own organiser and the office open it, preview a file and apply it; an allowed apply
        // writes the row's application, a refused one nothing.
        new("ImportTrainees.OpenAsync", [OwnOrganiser, Office], async a =>
        {
            var course = await a.CourseAsync(Starts.Later);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<AiGO.Domain.Import.ImportTrainees>().OpenAsync(actor, course.Id));
        }),
        new("ImportTrainees.PreviewAsync", [OwnOrganiser, Office], async a =>
        {
            var (member, course) = (a.NextTrainee(), await a.CourseAsync(Starts.Later));
            return new(member, course.Id, [], async actor => await a.Get<AiGO.Domain.Import.ImportTrainees>().PreviewAsync(actor, course.Id, [ImportRow(member)]));
        }),
        new("ImportTrainees.ApplyAsync", [OwnOrganiser, Office], async a =>
        {
            var (member, course) = (a.NextTrainee(), await a.CourseAsync(Starts.Later));
            return new(member, course.Id, [], async actor => await a.Get<AiGO.Domain.Import.ImportTrainees>().ApplyAsync(actor, course.Id, [ImportRow(member)], consentsCollected: true));
        }),
        // Every organiser lists its own courses.
        new("CourseAdminQueries.ForOrganiserAsync", [OwnOrganiser, OtherOrganiser], async a =>
        {
            var course = await a.CourseAsync(Starts.Later, CourseStatus.Draft);
            return new(a.Trainees[0], course.Id, [], async actor => await a.Get<CourseAdminQueries>().ForOrganiserAsync(actor));
        }),
    ];

    [Fact]
    public void Every_command_taking_an_actor_has_one_row_in_the_table()
    {
        var commands = Commands().ToHashSet();
        var rows = Table.Select(r => r.Method).ToList();

        var duplicated = rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = commands.Except(rows).Order().ToList();
        var stale = rows.Except(commands).Order().ToList();

        var problems = new List<string>();
        if (missing.Count > 0) problems.Add("No row says who may call: " + string.Join(", ", missing));
        if (stale.Count > 0) problems.Add("A row for a method that is no longer a command: " + string.Join(", ", stale));
        if (duplicated.Count > 0) problems.Add("More than one row for: " + string.Join(", ", duplicated));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(commands);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Each_caller_may_do_exactly_what_the_table_allows_and_a_refusal_writes_nothing(DatabaseProvider provider)
    {
        await using var arena = await Arena.CreateAsync(provider);
        var failures = new List<string>();
        foreach (var row in Table)
        {
            foreach (var caller in Callers)
            {
                var cell = $"{row.Method} by {caller}";
                try
                {
                    var target = await row.Prepare(arena);
                    var actor = arena.ActorFor(caller, target.Member);
                    var allowed = row.Allowed.Contains(caller);
                    var before = allowed ? null : await arena.SnapshotAsync(target);
                    var result = await target.Call(actor);
                    var outcomes = result switch
                    {
                        BatchOutcome batch => batch.Rows.Select(r => r.Outcome).ToList(),
                        Outcome single => [single],
                        _ => throw new InvalidOperationException($"unexpected result {result.GetType().Name}"),
                    };
                    if (result is BatchOutcome { Rows.Count: var count } && count != target.Applications.Count)
                        failures.Add($"{cell}: the batch answered {count} row(s) for {target.Applications.Count}");

                    if (allowed)
                    {
                        foreach (var o in outcomes.Where(o => !o.Succeeded))
                            failures.Add($"{cell}: allowed, but {o.Kind}: {o.Message}");
                        if (outcomes.All(o => o.Succeeded) && target.Verify is { } verify && await verify(actor) is { } wrong)
                            failures.Add($"{cell}: allowed, but {wrong}");
                        continue;
                    }

                    var after = await arena.SnapshotAsync(target);
                    if (after != before) failures.Add($"{cell}: denied, but something was written:\n  before {before}\n  after  {after}");
                    foreach (var o in outcomes)
                    {
                        if (o.Kind != OutcomeKind.Forbidden) failures.Add($"{cell}: expected Forbidden, got {o.Kind}: {o.Message}");
                        else if (!Regex.IsMatch(o.Message, @"\p{IsCJKUnifiedIdeographs}")) failures.Add($"{cell}: the refusal is not in Chinese: \"{o.Message}\"");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{cell}: threw {e.GetType().Name}: {e.Message}");
                }
            }
        }
        if (failures.Count > 0)
            Assert.Fail($"{failures.Count} of {Table.Length * Callers.Length} cells went wrong:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// "Type.Method" of every public method on a public type of the domain whose first parameter is the acting
    /// <see cref="Actor"/> and which answers with <c>Task&lt;Outcome&gt;</c>, <c>Task&lt;Outcome&lt;T&gt;&gt;</c> or
    /// <c>Task&lt;BatchOutcome&gt;</c>. The <see cref="UnitOfWork"/> itself is left out: it is handed its permission
    /// and its act by the command that runs through it, and that command has the row.
    /// </summary>
    private static IEnumerable<string> Commands() =>
        typeof(UnitOfWork).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(Actor))
            .Where(m => IsCommandResult(m.ReturnType))
            .Where(m => m.DeclaringType != typeof(UnitOfWork))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct();

    private static bool IsCommandResult(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) && type.GetGenericArguments()[0] is var result
        && (result == typeof(Outcome) || result == typeof(BatchOutcome)
            || result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Outcome<>));

    /// <summary>A row of the import workbook for <paramref name="member"/> (a 待業者, so no company fields).</summary>
    private static AiGO.Domain.Import.TraineeRowCells ImportRow(AppUser member) => new(3,
        ["1", "匯入學員", Accounts.AccountTestData.NewNationalId(), "1990-01-01", member.Email, "4", "1", "", "", "", "", "0266316666", "", "0912345678", "3",
         "01", "", "0", "4", "", "", "", "1"]);

    private static List<Answer> AllAnswered() =>
        Questionnaire.Questions.Select(q => q.Kind == QuestionKind.Rating ? new Answer(q.Key, 4, null) : new Answer(q.Key, null, "很實用")).ToList();

    private enum Starts
    {
        /// <summary>A month from today: open for applications, cancellable.</summary>
        Later,
        /// <summary>Yesterday: under way, ends in six days.</summary>
        Started,
        /// <summary>Ten days ago: ended three days ago (the questionnaire is open, the money may be paid).</summary>
        Ended,
    }

    /// <summary>
    /// The services as the app wires them over one database, with two 開課單位 (the targets' own and another), a
    /// second trainee, and accounts for the staff actors (every signed-in actor is an account).
    /// </summary>
    private sealed class Arena : IAsyncDisposable
    {
        private ApplicationsKit _kit = null!;
        private AppUser _otherMember = null!;
        private int _courses;

        /// <summary>
        /// The trainees the targets belong to, taking turns (no staff action looks at the annual cap; a submission's
        /// own member is a new one, with the whole cap left).
        /// </summary>
        public List<AppUser> Trainees { get; } = [];
        private int _nextTrainee;

        public Organiser Own { get; private set; } = null!;
        public Organiser Other { get; private set; } = null!;
        public DateOnly Today => _kit.Today;

        public static async Task<Arena> CreateAsync(DatabaseProvider provider)
        {
            var arena = new Arena { _kit = await ApplicationsKit.CreateAsync(provider) };
            arena.Own = new Organiser { Name = "自家培訓單位", ContactEmail = "own@example.tw" };
            arena.Other = new Organiser { Name = "他家培訓單位", ContactEmail = "other@example.tw" };
            await using (var db = arena.Db())
            {
                db.Organisers.AddRange(arena.Own, arena.Other);
                await db.SaveChangesAsync();
                foreach (var staff in new[] { TestData.Office, TestData.OrganiserActor(arena.Own.Id), TestData.OrganiserActor(arena.Other.Id) })
                {
                    var user = TestData.Member($"{staff.Id}@example.tw");
                    user.Id = staff.Id!;
                    user.DisplayName = staff.Name;
                    user.OrganiserId = staff.OrganiserId;
                    db.Users.Add(user);
                }
                await db.SaveChangesAsync();
            }
            arena._otherMember = await arena._kit.MemberAsync("其他學員");
            for (var i = 0; i < 8; i++) arena.Trainees.Add(await arena._kit.MemberAsync());
            return arena;
        }

        public T Get<T>() where T : notnull => _kit.Get<T>();

        public AiGoDbContext Db() => _kit.Db();

        public Actor ActorFor(Caller caller, AppUser ownMember) => caller switch
        {
            Caller.Visitor => Actor.Visitor,
            Caller.OwnMember => TestData.MemberActor(ownMember),
            Caller.OtherMember => TestData.MemberActor(_otherMember),
            Caller.OwnOrganiser => TestData.OrganiserActor(Own.Id),
            Caller.OtherOrganiser => TestData.OrganiserActor(Other.Id),
            Caller.Office => TestData.Office,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };

        /// <summary>The course an application belongs to.</summary>
        public async Task<int> CourseOfAsync(int applicationId)
        {
            await using var db = Db();
            return await db.Applications.Where(x => x.Id == applicationId).Select(x => x.CourseId).SingleAsync();
        }

        /// <summary>The next of <see cref="Trainees"/>, in turn.</summary>
        public AppUser NextTrainee() => Trainees[_nextTrainee++ % Trainees.Count];

        /// <summary>A sanction in force on the member, recorded yesterday.</summary>
        public async Task<int> SanctionAsync(AppUser member)
        {
            await using var db = Db();
            var sanction = new Sanction { MemberId = member.Id, From = Today.AddDays(-1), Until = Today.AddYears(2), Reason = "冒名簽到", RecordedAt = _kit.Clock.GetUtcNow(), RecordedBy = "計畫辦公室" };
            db.Sanctions.Add(sanction);
            await db.SaveChangesAsync();
            return sanction.Id;
        }

        /// <summary>A three-hour morning session of the course on <paramref name="date"/>.</summary>
        public async Task<int> SessionAsync(int courseId, DateOnly date)
        {
            await using var db = Db();
            var session = new CourseSession { CourseId = courseId, Date = date, Start = new TimeOnly(9, 0), End = new TimeOnly(12, 0), Minutes = 180 };
            db.CourseSessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        }

        private int _codes = 10;

        /// <summary>A 培訓動機 code no one has used yet, two digits.</summary>
        public string NextCode() => (_codes++).ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A fresh 培訓動機 code no record uses, so it may be renamed, retired or deleted.</summary>
        public async Task<int> CodeAsync()
        {
            await using var db = Db();
            var entry = new CodeEntry { Table = CodeTableKind.Motivation, Code = NextCode(), Name = $"動機{_codes}", SortOrder = _codes };
            db.Codes.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        }

        /// <summary>An uploaded learning-credit proof waiting for review.</summary>
        public async Task<int> PendingCreditAsync(AppUser member)
        {
            await using var db = Db();
            var credit = new LearningCredit { UserId = member.Id, Source = CreditSource.UploadedProof, Title = "AI 證照", Points = 0, Status = CreditStatus.Pending, SubmittedAt = _kit.Clock.GetUtcNow(),
                ProofOriginalName = "證照.pdf", ProofStoredName = $"{Guid.NewGuid():N}.pdf", ProofContentType = "application/pdf", ProofSize = 1024 };
            db.LearningCredits.Add(credit);
            await db.SaveChangesAsync();
            return credit.Id;
        }

        private int _requestKinds;

        /// <summary>A request kind in turn, so one caller's earlier request of the same kind does not stand in the way.</summary>
        public PrivacyRequestKind NextRequestKind() => Enum.GetValues<PrivacyRequestKind>()[_requestKinds++ % 5];

        /// <summary>An open personal-data request of the member, received today.</summary>
        public async Task<int> PrivacyRequestAsync(AppUser member)
        {
            await using var db = Db();
            var request = PrivacyRequest.Receive(member.Id, PrivacyRequestKind.Copy, null, _kit.Clock.GetUtcNow());
            db.PrivacyRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        }

        /// <summary>A mail that failed every attempt (寄送失敗).</summary>
        public async Task<Guid> FailedMailAsync()
        {
            await using var db = Db();
            var mail = Outbox.Create("member@example.tw", null, new MailContent("主旨", "<p>內容</p>", "內容"), _kit.Clock.GetUtcNow());
            (mail.Status, mail.Attempts, mail.LastError) = (OutboxStatus.Failed, 10, "SocketException");
            db.Outbox.Add(mail);
            await db.SaveChangesAsync();
            return mail.Id;
        }

        /// <summary>An eligible trainee with no applications yet.</summary>
        public Task<AppUser> MemberAsync() => _kit.MemberAsync();

        /// <summary>The member's facts as the wizard reads them for the signed-in account.</summary>
        public async Task<MemberFacts> FactsAsync(string memberId)
        {
            await using var db = Db();
            return await new MemberFactsReader(TestServices.Protector).ReadAsync(db, memberId);
        }

        /// <summary>A course of <see cref="Own"/>, inserted as it stands (dates in the past included).</summary>
        /// <param name="ready">With what 送審 and 公開 ask of it (<see cref="TestData.ReadyToPublish"/>).</param>
        public async Task<Course> CourseAsync(Starts starts, CourseStatus status = CourseStatus.Published, bool ready = false)
        {
            await using var db = Db();
            var course = await AddCourseAsync(db, starts, status);
            if (ready) course.ReadyToPublish();
            await db.SaveChangesAsync();
            return course;
        }

        private async Task<Course> AddCourseAsync(AiGoDbContext db, Starts starts, CourseStatus status)
        {
            var start = starts switch { Starts.Later => Today.AddDays(30), Starts.Started => Today.AddDays(-1), _ => Today.AddDays(-10) };
            var course = TestData.Course(await db.Organisers.SingleAsync(o => o.Id == Own.Id), $"課程{++_courses}", start, status: status);
            course.CreatedAt = course.UpdatedAt = _kit.Clock.GetUtcNow();
            db.Courses.Add(course);
            return course;
        }

        /// <summary>
        /// <paramref name="count"/> applications placed directly in <paramref name="status"/> (with what that status has
        /// behind it) on a fresh course, each of a different trainee; the first one's member is "own".
        /// </summary>
        public async Task<Target> OnApplicationsAsync<TResult>(Starts starts, ApplicationStatus status, int count, Func<Actor, int[], Task<TResult>> call)
            where TResult : notnull
        {
            await using var db = Db();
            var course = await AddCourseAsync(db, starts, CourseStatus.Published);
            var apps = new List<SubsidyApplication>();
            for (var i = 0; i < count; i++)
            {
                var app = TestData.Application(course, Trainees[_nextTrainee++ % Trainees.Count], status, course.GovernmentShare);
                if (status is ApplicationStatus.Completed)
                {
                    (app.MinutesHeld, app.MinutesAttended, app.TestPassed) = (course.Hours * 60, course.Hours * 60, true);
                    (app.CertificateIssuedOn, app.QuestionnaireSubmittedAt) = (course.EndDate, _kit.Clock.GetUtcNow());
                }
                apps.Add(app);
            }
            db.Applications.AddRange(apps);
            await db.SaveChangesAsync();
            var ids = apps.Select(a => a.Id).ToArray();
            var own = Trainees.Single(t => t.Id == apps[0].MemberId);
            return new Target(own, course.Id, ids, async actor => await call(actor, ids));
        }

        /// <summary>Everything a refused call must leave as it was: the rows it could add, and its targets as they stand.</summary>
        public async Task<string> SnapshotAsync(Target target)
        {
            await using var db = Db();
            var counts = $"applications {await db.Applications.CountAsync()}, history {await db.StatusChanges.CountAsync()}, " +
                $"audit {await db.AuditLog.CountAsync()}, outbox {await db.Outbox.CountAsync()} (failed {await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Failed)}), courses {await db.Courses.CountAsync()}, " +
                $"questionnaires {await db.Questionnaires.CountAsync()}, sanctions {await db.Sanctions.CountAsync(s => s.LiftedAt == null)}, " +
                $"credits reviewed {await db.LearningCredits.CountAsync(c => c.Status != CreditStatus.Pending)}, " +
                $"sessions {await db.CourseSessions.CountAsync()}, attendance {await db.Attendance.CountAsync()}, " +
                $"privacy requests {string.Join(" ", await db.PrivacyRequests.OrderBy(r => r.Id).Select(r => $"#{r.Id}{r.State}{r.DueOn}").ToListAsync())}, " +
                $"codes {string.Join(" ", await db.Codes.OrderBy(c => c.Id).Select(c => c.Code + c.Name + (c.IsRetired ? "(retired)" : "")).ToListAsync())}";
            var apps = await db.Applications.AsNoTracking().Where(a => target.Applications.Contains(a.Id)).OrderBy(a => a.Id)
                .Select(a => $"#{a.Id} {a.Status} v{a.Version}").ToListAsync();
            var course = target.CourseId is { } id
                ? await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(c => $"course #{c.Id} {c.Status} {c.Name} v{c.Version} submitted {c.SubmittedForPublicationAt}").SingleAsync()
                : "";
            return $"{counts}; {string.Join(", ", apps)}; {course}";
        }

        public ValueTask DisposeAsync() => _kit.DisposeAsync();
    }
}
