using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Catalogue;

/// <summary>
/// Creates a course or saves an edit of one (課程維護, 我的課程). The rules of <see cref="CourseRules"/> are checked
/// here, an edit based on an outdated version is refused rather than overwriting someone else's change, and every
/// save is audited with what changed.
/// </summary>
public sealed class SaveCourse(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, SubsidyPolicy policy, Waitlist waitlist, TimeProvider clock)
{
    /// <summary>Creates a course: the office for any organiser, an organiser only a draft of its own.</summary>
    public async Task<Outcome<int>> CreateAsync(Actor actor, Course draft, CancellationToken ct = default)
    {
        if (!actor.IsOffice)
        {
            // An organiser's course is its own draft, whatever the form said.
            draft.OrganiserId = actor.OrganiserId ?? 0;
            draft.Status = CourseStatus.Draft;
        }
        if (CourseAccess.Create.Deny(actor, draft) is { } refused) return Outcome<int>.From(refused);
        var errors = CourseRules.Validate(draft, policy, seatsTaken: 0, Taipei.Today(clock));
        if (errors.Count > 0) return Outcome<int>.From(Outcome.Invalid(errors));

        var outcome = await work.RunAsync(actor, async s =>
        {
            if (!await s.Db.Organisers.AnyAsync(o => o.Id == draft.OrganiserId, s.Ct))
                return Outcome.Invalid(nameof(Course.OrganiserId), "請選擇開課單位");
            draft.Id = 0;
            draft.CreatedAt = draft.UpdatedAt = s.Now;
            draft.UpdatedBy = actor.Name;
            // 上課日 start as 上課時間 reads (the organiser corrects them before 送審); none when it cannot be read.
            draft.Sessions = [.. (ClassSchedule.Propose(draft) ?? []).Select(p => new CourseSession { Date = p.Date, Start = p.Start, End = p.End, Minutes = p.Minutes })];
            s.Db.Courses.Add(draft);
            await s.Db.SaveChangesAsync(s.Ct);
            s.Audit("course.create", nameof(Course), draft.Id, $"新增課程「{draft.Name}」（{draft.Status.Label()}）");
            return null;
        }, ct);
        return outcome.Succeeded ? Outcome<int>.Success(draft.Id) : Outcome<int>.From(outcome);
    }

    /// <summary>
    /// Saves <paramref name="edited"/> over the course it was loaded from; its Version must still be current. The
    /// seat rule is checked against the applications holding seats under the lock submissions take, and added
    /// seats are freed places: the waitlist is served as when someone cancels.
    /// </summary>
    public async Task<Outcome> UpdateAsync(Actor actor, Course edited, CancellationToken ct = default)
    {
        return await work.OnCourseAsync(actor, edited.Id, CourseAccess.Edit, async (s, course) =>
        {
            if (course.Version != edited.Version) return Conflict(course);
            if ((edited.Status != course.Status || edited.OrganiserId != course.OrganiserId) && !CourseAccess.ChangeStatus.Allows(actor, course))
                return Outcome.Forbidden("開課單位不能變更課程狀態或開課單位，請送計畫辦公室審核");

            var seatsTaken = await SubsidyQueries.SeatsTakenAsync(s.Db, course.Id, s.Ct);
            var errors = CourseRules.Validate(edited, policy, seatsTaken, Taipei.Today(clock));
            if (errors.Count > 0) return Outcome.Invalid(errors);

            var changes = Describe(course, edited);
            if (changes.Count == 0) return Outcome.Ok;
            var seatsAdded = edited.PlannedSeats > course.PlannedSeats;
            var organiserChanged = edited.OrganiserId != course.OrganiserId;
            var publishing = edited.Status == CourseStatus.Published && course.Status != CourseStatus.Published;
            s.Db.Entry(course).CurrentValues.SetValues(edited);
            // Publishing from the grid's status column is 公開 all the same.
            if (publishing && await ChangeCourseStatus.MissingAsync(s, course) is { Count: > 0 } missing) return Outcome.Invalid(missing);
            course.CreatedAt = s.Db.Entry(course).Property(c => c.CreatedAt).OriginalValue;
            course.SubmittedForPublicationAt = s.Db.Entry(course).Property(c => c.SubmittedForPublicationAt).OriginalValue;
            course.UpdatedAt = s.Now;
            course.UpdatedBy = actor.Name;
            if (organiserChanged) course.Organiser = await s.Db.Organisers.SingleAsync(o => o.Id == course.OrganiserId, s.Ct);
            s.Audit("course.update", nameof(Course), course.Id, string.Join("；", changes));
            try
            {
                if (seatsAdded) await waitlist.FillFreedSeatsAsync(s, course);
                await s.Db.SaveChangesAsync(s.Ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Told from what the course now holds, read on a connection of its own.
                await using var fresh = await dbFactory.CreateDbContextAsync(s.Ct);
                return Conflict(await fresh.Courses.AsNoTracking().SingleAsync(c => c.Id == edited.Id, s.Ct));
            }
            return Outcome.Ok;
        }, ct);
    }

    private static Outcome Conflict(Course current) => Outcome.Conflict(
        $"此課程已由{current.UpdatedBy ?? "其他人"}於{Taipei.Format(current.UpdatedAt)}修改，您的變更未儲存。請重新載入後再編輯。");

    /// <summary>Field-by-field changes in words, for the audit log.</summary>
    private static List<string> Describe(Course before, Course after)
    {
        var list = new List<string>();
        void Diff<T>(string label, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b)) list.Add($"{label}：{a} → {b}");
        }
        Diff("課程名稱", before.Name, after.Name);
        Diff("開課日期", before.StartDate, after.StartDate);
        Diff("結束日期", before.EndDate, after.EndDate);
        Diff("上課時間", before.ClassTimes, after.ClassTimes);
        Diff("上課時數", before.Hours, after.Hours);
        Diff("預計招生人數", before.PlannedSeats, after.PlannedSeats);
        Diff("課程費用", before.TotalFee, after.TotalFee);
        Diff("學員負擔", before.TraineeShare, after.TraineeShare);
        Diff("政府負擔", before.GovernmentShare, after.GovernmentShare);
        Diff("狀態", before.Status.Label(), after.Status.Label());
        Diff("上課方式", before.VenueMode.Label(), after.VenueMode.Label());
        Diff("上課平台", before.Platform, after.Platform);
        Diff("上課地址", before.Address, after.Address);
        Diff("開課縣市", before.City, after.City);
        Diff("開課單位", before.OrganiserId, after.OrganiserId);
        Diff("繳費方式", before.PaymentMethod, after.PaymentMethod);
        Diff("聯絡人", before.ContactName, after.ContactName);
        Diff("連絡電話", before.ContactPhone, after.ContactPhone);
        Diff("聯絡e-mail", before.ContactEmail, after.ContactEmail);
        Diff("課程報名網址", before.RegistrationUrl, after.RegistrationUrl);
        Diff("授課師資", before.Instructors, after.Instructors);
        Diff("課程大綱", string.Join("/", before.Outline), string.Join("/", after.Outline));
        Diff("先備知識", string.Join("/", before.Prerequisites), string.Join("/", after.Prerequisites));
        Diff("先備知識：無", before.NoPrerequisites ? "是" : "否", after.NoPrerequisites ? "是" : "否");
        return list;
    }
}
