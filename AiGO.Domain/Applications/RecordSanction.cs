using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>What the office records: whose sanction, for which course's subsidy, why, from when (and until when).</summary>
public sealed record SanctionInput(string MemberId, int? CourseId, string Reason, DateOnly From, DateOnly? Until = null);

/// <summary>
/// 處分 (SPEC §5): a trainee found signing in without attending loses that course's subsidy (the application
/// becomes 未達結訓標準) and may not apply for subsidies until the sanction ends (by default
/// <see cref="SubsidyPolicy.SanctionYears"/> years from its start). The member's other live applications on courses
/// that start while it runs are set 未通過 (處分期間不得申請補助), and the seats they free go to the waitlist. The
/// member is told; every change is audited.
/// </summary>
public sealed class RecordSanction(UnitOfWork work, SubsidyPolicy policy, MailTemplates templates, Waitlist waitlist)
{
    /// <summary>The last day of a sanction that starts on <paramref name="from"/> and runs its default length.</summary>
    public DateOnly DefaultUntil(DateOnly from) => from.AddYears(policy.SanctionYears).AddDays(-1);

    public Task<Outcome> RecordAsync(Actor actor, SanctionInput input, CancellationToken ct = default) =>
        work.OnMemberAsync(actor, input.MemberId, OfficeAccess.Member, async s =>
        {
            var reason = input.Reason?.Trim() ?? "";
            if (reason.Length == 0) return Outcome.Invalid("reason", "請填寫處分原因");
            if (FreeText.Check(reason, "處分原因", Sanction.MaxReasonLength, multiline: true) is { } reasonError) return Outcome.Invalid("reason", reasonError);
            var until = input.Until ?? DefaultUntil(input.From);
            if (until < input.From) return Outcome.Invalid("until", "處分結束日不可早於開始日");

            var member = await s.MemberAsync(input.MemberId);
            string? courseName = null;
            if (input.CourseId is { } courseId)
            {
                var app = await s.Db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser)
                    .Where(a => a.MemberId == input.MemberId && a.CourseId == courseId
                                && (a.Status == ApplicationStatus.Enrolled || a.Status == ApplicationStatus.Completed))
                    .SingleOrDefaultAsync(s.Ct);
                if (app is null) return Outcome.Invalid("course", "此會員在該課程沒有已完成報名繳費或已結訓的申請，無法取消其補助");
                s.Move(app, ApplicationStatus.NotCompleted, $"處分：{reason}");
                s.Audit("member.sanction", "Application", app.Id, $"{app.Course.Name}：取消補助（處分：{reason}）");
                await waitlist.FillFreedSeatsAsync(s, app.Course);
                courseName = app.Course.Name;
            }

            // No subsidy while the sanction runs: live applications on courses that start in its period are withdrawn.
            var barred = RejectionReasons.Find("sanction")!;
            var withdrawn = await s.Db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser)
                .Where(a => a.MemberId == input.MemberId && a.CourseId != input.CourseId
                            && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Waitlisted)
                            && a.Course.StartDate >= input.From && a.Course.StartDate <= until)
                .OrderBy(a => a.CourseId).ToListAsync(s.Ct);
            foreach (var app in withdrawn)
            {
                await ApplicationLock.LockCourseAsync(s.Db, app.CourseId, s.Ct);
                var heldSeat = ApplicationStatuses.HoldingSeat.Contains(app.Status);
                app.RejectionCode = barred.Code;
                app.RejectionReason = barred.Text;
                s.Move(app, ApplicationStatus.Rejected, $"{barred.Text}（停權至{Taipei.Format(until)}）");
                s.Audit("member.sanction", "Application", app.Id, $"{app.Course.Name}：{barred.Text}");
                s.Mail(member.Email, member.Name, templates.ApplicationRejected(member.Name, app.Course.Name, barred.Text, barred.Fixable));
                if (heldSeat) await waitlist.FillFreedSeatsAsync(s, app.Course);
            }

            var sanction = new Sanction
            {
                MemberId = input.MemberId, CourseId = input.CourseId, From = input.From, Until = until, Reason = reason,
                RecordedAt = s.Now, RecordedBy = actor.Name,
            };
            s.Db.Sanctions.Add(sanction);
            await s.Db.SaveChangesAsync(s.Ct);
            s.Audit("member.sanction", nameof(Sanction), sanction.Id,
                $"處分 {Taipei.Format(input.From)} ~ {Taipei.Format(until)}{(courseName is null ? "" : $"，取消「{courseName}」補助")}：{reason}");
            s.Mail(member.Email, member.Name, templates.Sanctioned(member.Name, courseName, input.From, until, reason));
            return null;
        }, input.CourseId, ct);
}
