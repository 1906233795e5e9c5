using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>
/// Reads a member's own data as the eligibility rules need it. The national ID is encrypted at rest and only the
/// web layer holds the key, so the web layer implements this; the domain asks it when it judges someone who is
/// not the caller (a waitlisted member at promotion, a row of an import).
/// </summary>
public interface IMemberFactsReader
{
    Task<MemberFacts> ReadAsync(AiGoDbContext db, string memberId, CancellationToken ct = default);
}

/// <summary>
/// 備取遞補 (SPEC §5): when a seat frees up, the first waitlisted application in submission order is promoted after
/// its eligibility and cap are checked again; one that no longer qualifies is passed over (未通過, with the reason,
/// and the member is told) and the next is tried. Runs inside the caller's <see cref="UnitOfWork"/>, which holds the
/// course's lock and tells open pages and the mail sender once it commits.
/// </summary>
public sealed class Waitlist(IMemberFactsReader factsReader, SubsidyPolicy policy, MailTemplates templates, ApplicationMails mails)
{
    /// <summary>
    /// Fills every free seat of <paramref name="course"/> (loaded with its organiser). Writes the scope's pending
    /// changes first, inside its transaction, so the seat that was just freed is counted as free.
    /// </summary>
    /// <remarks>
    /// A promotion never raises the subsidy the application already holds (it may lower it when the cap left is now
    /// smaller), so promoting cannot push another of that member's submissions, racing in another transaction, past the cap.
    /// Once the course has started nobody is promoted: a late joiner cannot reach 80% attendance.
    /// </remarks>
    public async Task FillFreedSeatsAsync(ChangeScope scope, Course course)
    {
        var (db, today, ct) = (scope.Db, scope.Today, scope.Ct);
        if (course.StartDate <= today) return;
        await db.SaveChangesAsync(ct);
        var free = course.PlannedSeats - await SubsidyQueries.SeatsTakenAsync(db, course.Id, ct);
        var handled = new HashSet<int>();
        while (free > 0)
        {
            var next = await db.Applications
                .Where(a => a.CourseId == course.Id && a.Status == ApplicationStatus.Waitlisted && !handled.Contains(a.Id))
                .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
                .FirstOrDefaultAsync(ct);
            if (next is null) break;
            // Changes are written at the end: skip in the query what this loop has already decided.
            handled.Add(next.Id);

            var facts = await factsReader.ReadAsync(db, next.MemberId, ct);
            var eligibility = await MemberEligibility.ForExistingAsync(db, next, course, facts, policy, today, ct);
            // The course's own state does not matter here: its seats were promised while it was open.
            var problems = Eligibility.Check(eligibility, course, today).Where(p => p.Code != "course-closed").ToList();
            var subsidy = Math.Min(next.Subsidy,
                SubsidyCalculator.ForCourse(course.TotalFee, course.GovernmentShare, policy.RatePercentFor(facts.SpecialIdentity), eligibility.RemainingCap));
            var member = await scope.MemberAsync(next.MemberId);

            if (problems.Count > 0 || subsidy <= 0)
            {
                var reasons = problems.Select(p => $"{p.Message}{p.Remedy}").ToList();
                next.RejectionCode = problems.FirstOrDefault()?.Code ?? "cap";
                next.RejectionReason = Truncate(string.Join("", reasons.DefaultIfEmpty("您本年度的補助額度已用完。")), 500);
                scope.MoveAsSystem(next, ApplicationStatus.Rejected, Truncate($"備取遞補時資格不符：{next.RejectionReason}", 500));
                scope.Mail(member.Email, member.Name, templates.WaitlistPassedOver(member.Name, course.Name, reasons.DefaultIfEmpty("您本年度的補助額度已用完。")));
                continue;
            }

            next.Subsidy = subsidy;
            // With manual review on, the promoted application waits for the office like any other: no approval yet.
            if (policy.ManualReview)
            {
                scope.MoveAsSystem(next, ApplicationStatus.Submitted, "名額釋出，備取遞補");
                mails.Received(scope, course, member);
            }
            else
            {
                scope.MoveAsSystem(next, ApplicationStatus.Approved, "名額釋出，備取遞補");
                mails.Approved(scope, course, member, promoted: true);
            }
            free--;
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
