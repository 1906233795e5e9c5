using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>One trainee's line on a session's roster: minutes attended (0 absent, the session's minutes present).</summary>
public sealed record AttendanceMark(int ApplicationId, int MinutesAttended);

/// <summary>
/// 出席登錄: the organiser records one session's roster. Each trainee's attendance totals follow from all their marks,
/// and a trainee whom the sessions left can no longer bring to 80% is told by mail, once.
/// </summary>
public sealed class RecordRoster(UnitOfWork work, MailTemplates templates)
{
    public Task<Outcome> RecordAsync(Actor actor, int courseId, int sessionId, IReadOnlyList<AttendanceMark> marks, string? note, CancellationToken ct = default) =>
        work.OnCourseAsync(actor, courseId, CourseAccess.RecordAttendance, async (s, course) =>
        {
            var session = await s.Db.CourseSessions.SingleOrDefaultAsync(x => x.Id == sessionId && x.CourseId == courseId, s.Ct);
            if (session is null) return Outcome.NotFound("找不到此上課日");
            if (session.Date > s.Today) return Outcome.Conflict($"{Taipei.Format(session.Date)}的課程尚未上課，無法登錄出席");
            if (marks.Count == 0) return Outcome.Invalid("marks", "請至少登錄一位學員的出席");
            if (marks.GroupBy(m => m.ApplicationId).Any(g => g.Count() > 1)) return Outcome.Invalid("marks", "同一位學員不可重複登錄");

            var ids = marks.Select(m => m.ApplicationId).ToList();
            var apps = await s.Db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser)
                .Where(a => ids.Contains(a.Id) && a.CourseId == courseId).ToDictionaryAsync(a => a.Id, s.Ct);
            var errors = new List<FieldError>();
            foreach (var m in marks)
            {
                if (!apps.TryGetValue(m.ApplicationId, out var app) || app.Status != ApplicationStatus.Enrolled)
                    errors.Add(new($"marks[{m.ApplicationId}]", "只能登錄已完成報名繳費的學員"));
                else if (m.MinutesAttended < 0 || m.MinutesAttended > session.Minutes)
                    errors.Add(new($"marks[{m.ApplicationId}]", $"出席時數須介於0到{Completion.Show(Completion.Hours(session.Minutes))}小時"));
            }
            if (errors.Count > 0) return Outcome.Invalid(errors);

            var existing = await s.Db.Attendance.Where(a => a.SessionId == sessionId && ids.Contains(a.ApplicationId)).ToDictionaryAsync(a => a.ApplicationId, s.Ct);
            foreach (var m in marks)
            {
                if (!existing.TryGetValue(m.ApplicationId, out var row))
                    s.Db.Attendance.Add(row = new SessionAttendance { SessionId = sessionId, ApplicationId = m.ApplicationId });
                row.MinutesAttended = m.MinutesAttended;
                row.RecordedAt = s.Now;
                row.RecordedBy = s.Actor.Name;
            }
            await s.Db.SaveChangesAsync(s.Ct);

            var totals = await s.Db.Attendance.Where(a => ids.Contains(a.ApplicationId))
                .GroupBy(a => a.ApplicationId)
                .Select(g => new { Id = g.Key, Held = g.Sum(a => a.Session.Minutes), Attended = g.Sum(a => a.MinutesAttended) })
                .ToDictionaryAsync(t => t.Id, s.Ct);
            foreach (var app in apps.Values)
            {
                var total = totals[app.Id];
                (app.MinutesHeld, app.MinutesAttended) = (total.Held, total.Attended);
                var standing = Completion.StandingOf(course.Hours, total.Held, total.Attended);
                if (!standing.CanStillReach && app.AttendanceWarningSentAt is null)
                {
                    var member = await s.MemberAsync(app.MemberId);
                    s.Mail(member.Email, member.Name, templates.AttendanceOutOfReach(member.Name, course.Name,
                        Completion.Show(standing.Attended), Completion.Show(standing.Held), Completion.Show(standing.Required), course.Hours));
                    app.AttendanceWarningSentAt = s.Now;
                }
                s.DecideCompletion(app);
            }

            var present = marks.Count(m => m.MinutesAttended == session.Minutes);
            var absent = marks.Count(m => m.MinutesAttended == 0);
            s.Audit("course.attendance", nameof(CourseSession), session.Id,
                $"{course.Name} {Taipei.Format(session.Date)}：出席{present}人、缺席{absent}人、部分出席{marks.Count - present - absent}人{ActionText.Suffix(note)}");
            return null;
        }, ct);
}
