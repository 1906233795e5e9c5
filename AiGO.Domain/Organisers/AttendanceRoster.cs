using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Organisers;

/// <summary>One class session on the roster: whether it can be recorded yet and how many trainees have a mark.</summary>
public sealed record RosterSession(int Id, DateOnly Date, TimeOnly Start, TimeOnly End, int Minutes, int Marked, bool Held)
{
    public decimal Hours => Completion.Hours(Minutes);
}

/// <summary>
/// One trainee on the roster: their mark per session, where they stand against 80%, and what else they lack.
/// <see cref="OutOfReach"/> is the flag: the sessions left cannot bring them to 80% any more.
/// </summary>
public sealed record RosterTrainee(
    int ApplicationId, string Name, string? MaskedNationalId, ApplicationStatus Status,
    IReadOnlyDictionary<int, int> Marks, Completion.AttendanceStanding Standing, bool WarningSent, IReadOnlyList<string> Lacking)
{
    public bool OutOfReach => !Standing.CanStillReach;
}

/// <summary>上課日與出席: a course's sessions, its attending trainees and every mark.</summary>
public sealed record RosterView(Course Course, IReadOnlyList<RosterSession> Sessions, IReadOnlyList<RosterTrainee> Trainees, string? SessionsLocked)
{
    public int SessionMinutes => Sessions.Sum(s => s.Minutes);
    /// <summary>The sessions add up to the course's hours (what trainees were told and the 80% is counted on).</summary>
    public bool SessionsMatchHours => SessionMinutes == Course.Hours * 60;
}

/// <summary>Reads a course's roster for its own 開課單位 and for the office.</summary>
public sealed class AttendanceRoster(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public async Task<Outcome<RosterView>> LoadAsync(Actor actor, int courseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return Outcome<RosterView>.From(Outcome.NotFound("找不到此課程"));
        if (CourseAccess.ReadApplicants.Deny(actor, course) is { } refused) return Outcome<RosterView>.From(refused);

        var today = clock.Today();
        var sessions = await db.CourseSessions.AsNoTracking().Where(s => s.CourseId == courseId).OrderBy(s => s.Date).ThenBy(s => s.Start).ToListAsync(ct);
        course.Sessions = sessions;
        var attending = new[] { ApplicationStatus.Enrolled, ApplicationStatus.Completed, ApplicationStatus.NotCompleted, ApplicationStatus.Disbursed };
        var apps = await db.Applications.AsNoTracking().Where(a => a.CourseId == courseId && attending.Contains(a.Status)).ToListAsync(ct);
        var appIds = apps.Select(a => a.Id).ToList();
        var marks = await db.Attendance.AsNoTracking().Where(a => appIds.Contains(a.ApplicationId))
            .Select(a => new { a.ApplicationId, a.SessionId, a.MinutesAttended }).ToListAsync(ct);
        var memberIds = apps.Select(a => a.MemberId).ToList();
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var masked = await db.MemberProfiles.AsNoTracking().Where(p => memberIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.NationalIdMasked, ct);

        var rosterSessions = sessions.Select(s => new RosterSession(s.Id, s.Date, s.Start, s.End, s.Minutes,
            marks.Count(m => m.SessionId == s.Id), s.Date <= today)).ToList();
        var trainees = apps.Select(a => new RosterTrainee(
                a.Id, names.GetValueOrDefault(a.MemberId, ""), masked.GetValueOrDefault(a.MemberId), a.Status,
                marks.Where(m => m.ApplicationId == a.Id).ToDictionary(m => m.SessionId, m => m.MinutesAttended),
                Completion.StandingOf(course.Hours, a.MinutesHeld ?? 0, a.MinutesAttended ?? 0),
                a.AttendanceWarningSentAt is not null,
                Completion.For(course, a, today).Items.Where(i => i.State != ChecklistState.Done).Select(i => i.Label).ToList()))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return Outcome<RosterView>.Success(new RosterView(course, rosterSessions, trainees, EditSessions.Locked(course, today)));
    }
}
