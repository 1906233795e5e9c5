using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>What a submission may hold: a seat or a place in line, and how much of the cap.</summary>
public sealed record Reservation(ApplicationStatus Status, int Subsidy, int? WaitlistPosition)
{
    public bool Refused => Subsidy <= 0;
}

/// <summary>
/// Decides a submission's seat and subsidy from what the database holds right now. Call it only inside
/// <see cref="ApplicationLock.BeginAsync"/>, so no other submission for the same member or course interleaves.
/// </summary>
public static class SubsidyLedger
{
    /// <param name="remainingCap">The member's cap left in the course's year, read inside the same locked transaction.</param>
    public static async Task<Reservation> ReserveAsync(AiGoDbContext db, Course course, int ratePercent, int remainingCap, SubsidyPolicy policy, CancellationToken ct = default)
    {
        var subsidy = SubsidyCalculator.ForCourse(course.TotalFee, course.GovernmentShare, ratePercent, remainingCap);
        if (subsidy <= 0) return new Reservation(ApplicationStatus.Rejected, 0, null);

        var seatsTaken = await SubsidyQueries.SeatsTakenAsync(db, course.Id, ct);
        if (seatsTaken < course.PlannedSeats)
            return new Reservation(policy.ManualReview ? ApplicationStatus.Submitted : ApplicationStatus.Approved, subsidy, null);

        var ahead = await db.Applications.CountAsync(a => a.CourseId == course.Id && a.Status == ApplicationStatus.Waitlisted, ct);
        return new Reservation(ApplicationStatus.Waitlisted, subsidy, ahead + 1);
    }
}
