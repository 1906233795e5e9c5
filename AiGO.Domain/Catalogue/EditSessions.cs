using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Catalogue;

/// <summary>上課日: the organiser (or the office) plans a course's class sessions until the course starts.</summary>
public sealed class EditSessions(UnitOfWork work)
{
    /// <summary>Why the sessions can no longer change, or null while they can.</summary>
    public static string? Locked(Course course, DateOnly today) =>
        today >= course.StartDate ? "課程已開課，上課日不可再修改" : null;

    /// <summary>Replaces the course's sessions with <paramref name="sessions"/>, all checked first: nothing changes when one is wrong.</summary>
    public Task<Outcome> SaveAsync(Actor actor, int courseId, IReadOnlyList<SessionInput> sessions, CancellationToken ct = default) =>
        work.OnCourseAsync(actor, courseId, CourseAccess.EditSessions, async (s, course) =>
        {
            if (Locked(course, s.Today) is { } locked) return Outcome.Conflict(locked);
            if (Validate(course, sessions) is { Count: > 0 } errors) return Outcome.Invalid(errors);

            // Sessions before the start have no attendance yet, so they can be replaced outright. The old rows go first,
            // so a session kept at the same date and time does not meet itself in the unique index.
            s.Db.CourseSessions.RemoveRange(await s.Db.CourseSessions.Where(x => x.CourseId == courseId).ToListAsync(s.Ct));
            await s.Db.SaveChangesAsync(s.Ct);
            foreach (var input in sessions.OrderBy(x => x.Date).ThenBy(x => x.Start))
                s.Db.CourseSessions.Add(new CourseSession { CourseId = courseId, Date = input.Date, Start = input.Start, End = input.End, Minutes = input.Minutes });
            course.UpdatedAt = s.Now;
            course.UpdatedBy = s.Actor.Name;
            var hours = Completion.Show(Completion.Hours(sessions.Sum(x => x.Minutes)));
            s.Audit("course.sessions", nameof(Course), course.Id, $"上課日：{sessions.Count}堂，合計{hours}小時");
            return null;
        }, ct);

    /// <summary>Each session's problems, keyed <c>sessions[i].date|start|minutes</c> by its place in the list.</summary>
    public static IReadOnlyList<FieldError> Validate(Course course, IReadOnlyList<SessionInput> sessions)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var x = sessions[i];
            if (x.Date < course.StartDate || x.Date > course.EndDate)
                errors.Add(new($"sessions[{i}].date", $"上課日須在開課日期{Taipei.Format(course.StartDate)}～{Taipei.Format(course.EndDate)}之間"));
            if (x.End <= x.Start)
                errors.Add(new($"sessions[{i}].start", "下課時間須晚於上課時間"));
            else if (x.Minutes <= 0 || x.Minutes > x.SpanMinutes)
                errors.Add(new($"sessions[{i}].minutes", $"計入時數須大於0，且不超過上課時段的{Completion.Show(Completion.Hours(x.SpanMinutes))}小時"));
            var overlap = sessions.Select((o, j) => (o, j)).FirstOrDefault(p => p.j < i && p.o.Date == x.Date && p.o.Start < x.End && x.Start < p.o.End);
            if (overlap.o is not null)
                errors.Add(new($"sessions[{i}].start", $"與第{overlap.j + 1}堂的時間重疊"));
        }
        return errors;
    }
}
