using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Office;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

/// <summary>
/// Everything a staff action can leave behind: history rows, audit entries, mails, every application's own fields,
/// and what open pages and the mail sender were told. A refused action leaves it exactly as it was.
/// </summary>
internal sealed record ActionFootprint(int History, int Audit, int Mails, string Applications, int LiveChanges, int MailSignals)
{
    public static async Task<ActionFootprint> TakeAsync(ApplicationsKit kit)
    {
        await using var db = kit.Db();
        var applications = await db.Applications.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Status, a.Subsidy, a.MinutesHeld, a.MinutesAttended, a.TestPassed, a.CertificateIssuedOn, a.DisbursedOn, a.RejectionCode, a.RejectionReason, a.Version })
            .ToListAsync();
        return new ActionFootprint(await db.StatusChanges.CountAsync(), await db.AuditLog.CountAsync(), await db.Outbox.CountAsync(),
            string.Join("\n", applications), kit.Notifier.Changes.Count, kit.Mail.Count);
    }
}

/// <summary>The steps and look-ups the staff action tests share.</summary>
internal static class StaffActionChecks
{
    public static List<Answer> AllAnswered() =>
        Questionnaire.Questions.Select(q => q.Kind == QuestionKind.Rating ? new Answer(q.Key, 4, null) : new Answer(q.Key, null, "很實用")).ToList();

    /// <summary>The organiser confirms registration and payment (已完成報名繳費).</summary>
    public static async Task EnrolAsync(this ApplicationsKit kit, Course course, params int[] applicationIds)
    {
        foreach (var id in applicationIds)
        {
            var outcome = await kit.Get<ConfirmEnrolment>().ConfirmAsync(TestData.OrganiserActor(course.OrganiserId), id, null);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
    }

    /// <summary>Moves the clock to the course's last day (the kit's clock is 09:00 in Taipei).</summary>
    public static void GoToLastDay(this ApplicationsKit kit, Course course) =>
        kit.Clock.Advance(TimeSpan.FromDays(course.EndDate.DayNumber - kit.Today.DayNumber));

    /// <summary>
    /// Takes enrolled applications of <paramref name="course"/> to 已結訓 through every completion rule on the course's
    /// last day: full attendance, the test passed, the certificate issued, the member's questionnaire.
    /// </summary>
    public static async Task CompleteAsync(this ApplicationsKit kit, Course course, params (AppUser Member, int ApplicationId)[] trainees)
    {
        if (kit.Today < course.EndDate) kit.GoToLastDay(course);
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        foreach (var (member, id) in trainees)
        {
            await kit.AttendAsync(course, id, course.Hours, course.Hours);
            Assert.True((await kit.Get<RecordTestResult>().RecordAsync(organiser, id, true, null)).Succeeded);
            Assert.True((await kit.Get<IssueCertificate>().IssueAsync(organiser, id, course.EndDate, null)).Succeeded);
            Assert.True((await kit.Questionnaires.SubmitAsync(TestData.MemberActor(member), id, AllAnswered())).Succeeded);
            Assert.Equal(ApplicationStatus.Completed, (await kit.ApplicationAsync(id)).Status);
        }
    }

    /// <summary>
    /// Records on the roster that the trainee attended <paramref name="attendedHours"/> of the first
    /// <paramref name="heldHours"/> of the course, giving the course six-hour daily sessions from its start when it has
    /// none. The clock must be on or after the last session recorded.
    /// </summary>
    public static async Task AttendAsync(this ApplicationsKit kit, Course course, int applicationId, int heldHours, int attendedHours)
    {
        List<CourseSession> sessions;
        await using (var db = kit.Db())
        {
            if (!await db.CourseSessions.AnyAsync(x => x.CourseId == course.Id))
            {
                for (var (left, day) = (course.Hours * 60, 0); left > 0; left -= 360, day++)
                    db.CourseSessions.Add(new CourseSession { CourseId = course.Id, Date = course.StartDate.AddDays(day), Start = new TimeOnly(9, 0), End = new TimeOnly(16, 0), Minutes = Math.Min(360, left) });
                await db.SaveChangesAsync();
            }
            sessions = await db.CourseSessions.AsNoTracking().Where(x => x.CourseId == course.Id).OrderBy(x => x.Date).ToListAsync();
        }
        var organiser = TestData.OrganiserActor(course.OrganiserId);
        var (held, attended) = (heldHours * 60, attendedHours * 60);
        foreach (var session in sessions)
        {
            if (held <= 0) break;
            held -= session.Minutes;
            var minutes = Math.Min(attended, session.Minutes);
            attended -= minutes;
            var outcome = await kit.Get<RecordRoster>().RecordAsync(organiser, course.Id, session.Id, [new AttendanceMark(applicationId, minutes)], null);
            Assert.True(outcome.Succeeded, outcome.Message);
        }
    }

    /// <summary>The application's history, oldest first.</summary>
    public static async Task<List<ApplicationStatusChange>> HistoryAsync(this ApplicationsKit kit, int applicationId)
    {
        await using var db = kit.Db();
        return await db.StatusChanges.AsNoTracking().Where(c => c.ApplicationId == applicationId).OrderBy(c => c.Id).ToListAsync();
    }

    /// <summary>The audit entries about one application, oldest first.</summary>
    public static async Task<List<AuditEntry>> AuditOfAsync(this ApplicationsKit kit, int applicationId)
    {
        await using var db = kit.Db();
        var id = applicationId.ToString();
        return await db.AuditLog.AsNoTracking().Where(e => e.EntityType == "Application" && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The mails written to an address, in no particular order.</summary>
    public static async Task<List<Domain.Mail.OutboxMessage>> MailsToAsync(this ApplicationsKit kit, string address)
    {
        await using var db = kit.Db();
        return await db.Outbox.AsNoTracking().Where(m => m.ToAddress == address).ToListAsync();
    }

    /// <summary>What open pages were told since <paramref name="before"/> changes had been published.</summary>
    public static List<LiveChange> ChangesSince(this ApplicationsKit kit, int before) => kit.Notifier.Changes.Skip(before).ToList();

    /// <summary>The refusal's one field error.</summary>
    public static FieldError Error(Outcome outcome) => Assert.Single(outcome.Errors);
}
