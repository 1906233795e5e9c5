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
public sealed class SaveCourse(IDbContextFactory<AiGoDbContext> dbFactory, SubsidyPolicy policy, TimeProvider clock, IChangeNotifier notifier, Waitlist waitlist)
{
    /// <summary>Creates a course: the office for any organiser, an organiser only a draft of its own.</summary>
    public async Task<Outcome<int>> CreateAsync(Actor actor, Course draft, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Office))
        {
            if (!actor.IsInRole(Roles.Organiser) || actor.OrganiserId is null)
                return Outcome<int>.From(Outcome.Forbidden("您沒有權限新增課程"));
            draft.OrganiserId = actor.OrganiserId.Value;
            draft.Status = CourseStatus.Draft;
        }
        var errors = CourseRules.Validate(draft, policy, seatsTaken: 0);
        if (errors.Count > 0) return Outcome<int>.From(Outcome.Invalid(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Organisers.AnyAsync(o => o.Id == draft.OrganiserId, ct))
            return Outcome<int>.From(Outcome.Invalid(nameof(Course.OrganiserId), "請選擇開課單位"));
        var now = clock.GetUtcNow();
        draft.Id = 0;
        draft.CreatedAt = draft.UpdatedAt = now;
        draft.UpdatedBy = actor.Name;
        db.Courses.Add(draft);
        await db.SaveChangesAsync(ct);
        db.AuditLog.Add(actor.Audit(now, "course.create", nameof(Course), draft.Id, $"新增課程「{draft.Name}」（{draft.Status.Label()}）"));
        await db.SaveChangesAsync(ct);
        notifier.CourseChanged(draft.Id);
        return Outcome<int>.Success(draft.Id);
    }

    /// <summary>Saves <paramref name="edited"/> over the course it was loaded from; its Version must still be current.</summary>
    public async Task<Outcome> UpdateAsync(Actor actor, Course edited, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The seat rule is checked against the applications holding seats: take the lock submissions take.
        await using var tx = await ApplicationLock.BeginAsync(db, null, edited.Id, ct);
        var course = await db.Courses.SingleOrDefaultAsync(c => c.Id == edited.Id, ct);
        if (course is null) return Outcome.NotFound("找不到此課程");
        if (!CourseAccess.CanEdit(actor, course)) return Outcome.Forbidden("您沒有權限編輯此課程");
        if (course.Version != edited.Version) return Conflict(course);
        if (!actor.IsInRole(Roles.Office) && (edited.Status != course.Status || edited.OrganiserId != course.OrganiserId))
            return Outcome.Forbidden("開課單位不能變更課程狀態或開課單位，請送計畫辦公室審核");

        var seatsTaken = await SubsidyQueries.SeatsTakenAsync(db, course.Id, ct);
        var errors = CourseRules.Validate(edited, policy, seatsTaken);
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var changes = Describe(course, edited);
        if (changes.Count == 0) return Outcome.Ok;
        var seatsAdded = edited.PlannedSeats > course.PlannedSeats;
        db.Entry(course).CurrentValues.SetValues(edited);
        course.CreatedAt = db.Entry(course).Property(c => c.CreatedAt).OriginalValue;
        course.SubmittedForPublicationAt = db.Entry(course).Property(c => c.SubmittedForPublicationAt).OriginalValue;
        var now = clock.GetUtcNow();
        course.UpdatedAt = now;
        course.UpdatedBy = actor.Name;
        db.AuditLog.Add(actor.Audit(now, "course.update", nameof(Course), course.Id, string.Join("；", changes)));
        IReadOnlyList<SubsidyApplication> promoted = [];
        try
        {
            if (seatsAdded)
            {
                // More seats are freed places: the waitlist is served as when someone cancels.
                course.Organiser = await db.Organisers.SingleAsync(o => o.Id == course.OrganiserId, ct);
                promoted = await waitlist.FillFreedSeatsAsync(db, course, clock.Today(), now, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return Conflict(await fresh.Courses.AsNoTracking().SingleAsync(c => c.Id == edited.Id, ct));
        }
        notifier.CourseChanged(course.Id);
        foreach (var app in promoted) notifier.ApplicationChanged(app.Id, app.CourseId, app.MemberId);
        return Outcome.Ok;
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
        return list;
    }
}
