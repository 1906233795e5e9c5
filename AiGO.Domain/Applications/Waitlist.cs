using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
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
/// and the member is told) and the next is tried. Runs inside the caller's <see cref="ApplicationLock"/>.
/// </summary>
public sealed class Waitlist(IMemberFactsReader factsReader, SubsidyPolicy policy, MailTemplates templates)
{
    /// <summary>
    /// Fills every free seat of <paramref name="course"/>; returns the applications it changed, to notify after commit.
    /// Writes the context's pending changes first (inside the caller's transaction, which commits or rolls back all of it).
    /// </summary>
    /// <remarks>
    /// A promotion never raises the subsidy the application already holds (it may lower it when the cap left is now
    /// smaller), so promoting cannot push another of that member's submissions, racing in another transaction, past the cap.
    /// Once the course has started nobody is promoted: a late joiner cannot reach 80% attendance.
    /// </remarks>
    public async Task<IReadOnlyList<SubsidyApplication>> FillFreedSeatsAsync(AiGoDbContext db, Course course, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var changed = new List<SubsidyApplication>();
        if (course.StartDate <= today) return changed;
        // The change that freed the seat is still pending in this transaction: write it so the counts below see it.
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
            changed.Add(next);

            var facts = await factsReader.ReadAsync(db, next.MemberId, ct);
            var eligibility = await MemberEligibility.LoadAsync(db, next.MemberId, course, facts, policy, today, ct);
            // The application's own hold is in the ledger: judge the cap left without it, and it is not a duplicate of itself.
            var heldByOthers = await SubsidyQueries.HeldInYearAsync(db, next.MemberId, next.CapYear, ct) - next.Subsidy;
            eligibility = eligibility with { HasLiveApplicationForCourse = false, RemainingCap = Math.Max(0, policy.AnnualCap - heldByOthers) };
            // The course's own state does not matter here: its seats were promised while it was open.
            var problems = Eligibility.Check(eligibility, course, today).Where(p => p.Code != "course-closed").ToList();
            var subsidy = Math.Min(next.Subsidy,
                SubsidyCalculator.ForCourse(course.TotalFee, course.GovernmentShare, policy.RatePercentFor(facts.SpecialIdentity), eligibility.RemainingCap));
            var (email, name) = await MemberContact.LoadAsync(db, next.MemberId, ct);

            if (problems.Count > 0 || subsidy <= 0)
            {
                var reasons = problems.Select(p => $"{p.Message}{p.Remedy}").ToList();
                next.RejectionCode = problems.FirstOrDefault()?.Code ?? "cap";
                next.RejectionReason = Truncate(string.Join("", reasons.DefaultIfEmpty("您本年度的補助額度已用完。")), 500);
                db.StatusChanges.Add(next.MoveTo(ApplicationStatus.Rejected, Actor.System, Truncate($"備取遞補時資格不符：{next.RejectionReason}", 500), now));
                db.Outbox.Add(Outbox.Create(email, name, templates.WaitlistPassedOver(name, course.Name, reasons.DefaultIfEmpty("您本年度的補助額度已用完。")), now));
                continue;
            }

            next.Subsidy = subsidy;
            db.StatusChanges.Add(next.MoveTo(policy.ManualReview ? ApplicationStatus.Submitted : ApplicationStatus.Approved, Actor.System, "名額釋出，備取遞補", now));
            // With manual review on, the promoted application waits for the office like any other: no approval yet.
            if (policy.ManualReview)
                db.Outbox.Add(Outbox.Create(email, name, templates.ApplicationReceived(name, course.Name), now));
            else
            {
                db.Outbox.Add(Outbox.Create(email, name,
                    templates.ApplicationPromoted(name, course.Name, course.RegistrationUrl, course.ContactName, course.ContactPhone, course.ContactEmail), now));
                db.Outbox.Add(Outbox.Create(course.OrganiserEmail, course.Organiser.Name,
                    templates.ApplicationToOrganiser(course.Organiser.Name, name, course.Name), now));
            }
            free--;
        }
        return changed;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
