using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Catalogue;

/// <summary>A course page: the course, its seats, and for a signed-in member their own subsidy situation.</summary>
public sealed record CourseView(Course Course, int SeatsTaken, int Waitlisted, MemberCourseSituation? Member)
{
    public int SeatsLeft => Math.Max(0, Course.PlannedSeats - SeatsTaken);

    /// <summary>Said before the member applies, not after: where a submission now would stand in line.</summary>
    public string? WaitlistNotice => SeatsLeft > 0 ? null : $"名額已滿，送出後將列為備取第{Waitlisted + 1}位";
}

/// <summary>The live subsidy meter for one member and one course (SPEC §5, §9).</summary>
public sealed record MemberCourseSituation(int AnnualCap, int HeldThisYear, int SubsidyForCourse, ApplicationStatus? Status, int? ApplicationId)
{
    public int RemainingCap => Math.Max(0, AnnualCap - HeldThisYear);

    /// <summary>The member has an application on this course that is not over: the page shows it instead of 我要申請.</summary>
    public bool HasApplied => Status is { } s && s != ApplicationStatus.Draft && !ApplicationStatuses.Ended.Contains(s);
}

public sealed class CourseDetails(IDbContextFactory<AiGoDbContext> dbFactory, SubsidyPolicy policy)
{
    /// <summary>Null when the course does not exist or the actor may not see it (see <see cref="CourseAccess.CanView"/>).</summary>
    public async Task<CourseView?> GetAsync(int courseId, Actor? actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var course = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleOrDefaultAsync(c => c.Id == courseId, ct);
        if (course is null) return null;
        var applied = actor?.Id is { } applicant
            && await db.Applications.AnyAsync(a => a.CourseId == courseId && a.MemberId == applicant && a.Status != ApplicationStatus.Draft, ct);
        if (!CourseAccess.CanView(actor, course, applied)) return null;

        var counts = await db.Applications.Where(a => a.CourseId == courseId)
            .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var taken = counts.Where(c => ApplicationStatuses.HoldingSeat.Contains(c.Status)).Sum(c => c.Count);
        var waitlisted = counts.Where(c => c.Status == ApplicationStatus.Waitlisted).Sum(c => c.Count);

        MemberCourseSituation? member = null;
        if (actor?.Id is { } memberId)
            member = await SituationAsync(db, memberId, course, ct);
        return new CourseView(course, taken, waitlisted, member);
    }

    private async Task<MemberCourseSituation> SituationAsync(AiGoDbContext db, string memberId, Course course, CancellationToken ct)
    {
        var year = course.StartDate.Year;
        var held = await SubsidyQueries.HeldInYearAsync(db, memberId, year, ct);
        var own = await db.Applications.AsNoTracking()
            .Where(a => a.CourseId == course.Id && a.MemberId == memberId)
            // A live application speaks for the member; otherwise the latest closed one (cancelled, rejected …).
            .OrderByDescending(a => ApplicationStatuses.Live.Contains(a.Status)).ThenByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);
        // An application already holding money for this course is not counted twice.
        var heldElsewhere = own is not null && ApplicationStatuses.HoldingMoney.Contains(own.Status) ? held - own.Subsidy : held;
        var specialIdentity = await db.MemberProfiles.Where(p => p.UserId == memberId).Select(p => p.SpecialIdentity).FirstOrDefaultAsync(ct);
        var subsidy = own is not null && ApplicationStatuses.HoldingMoney.Contains(own.Status)
            ? own.Subsidy
            : SubsidyCalculator.ForCourse(course.TotalFee, course.GovernmentShare, policy.RatePercentFor(specialIdentity), policy.AnnualCap - heldElsewhere);
        return new MemberCourseSituation(policy.AnnualCap, held, subsidy, own?.Status, own?.Id);
    }
}
