using AiGO.Domain.Catalogue;

namespace AiGO.Domain.Applications;

/// <summary>What a submission may hold: a seat or a place in line, and how much of the cap.</summary>
public sealed record Reservation(ApplicationStatus Status, int Subsidy, int? WaitlistPosition)
{
    public bool Refused => Subsidy <= 0;
}

/// <summary>
/// Decides a submission's seat and subsidy from what the database holds right now. Give it only counts read
/// inside <see cref="ApplicationLock.BeginAsync"/> (see <see cref="SubmissionSnapshot"/>), in the same transaction
/// that writes the application, so no other submission for the same member or course interleaves.
/// </summary>
public static class SubsidyLedger
{
    /// <param name="remainingCap">The member's cap left in the course's year.</param>
    /// <param name="seatsTaken">Applications holding one of the course's seats.</param>
    /// <param name="waitlisted">Applications already on the course's waitlist.</param>
    public static Reservation Reserve(Course course, int ratePercent, int remainingCap, int seatsTaken, int waitlisted, SubsidyPolicy policy)
    {
        var subsidy = SubsidyCalculator.ForCourse(course.TotalFee, course.GovernmentShare, ratePercent, remainingCap);
        if (subsidy <= 0) return new Reservation(ApplicationStatus.Rejected, 0, null);
        if (seatsTaken < course.PlannedSeats)
            return new Reservation(policy.ManualReview ? ApplicationStatus.Submitted : ApplicationStatus.Approved, subsidy, null);
        return new Reservation(ApplicationStatus.Waitlisted, subsidy, waitlisted + 1);
    }
}
