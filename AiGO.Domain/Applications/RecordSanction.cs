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
/// <see cref="SubsidyPolicy.SanctionYears"/> years from its start). The member is told; the office's act is audited.
/// </summary>
public sealed class RecordSanction(UnitOfWork work, SubsidyPolicy policy, MailTemplates templates)
{
    /// <summary>The last day of a sanction that starts on <paramref name="from"/> and runs its default length.</summary>
    public DateOnly DefaultUntil(DateOnly from) => from.AddYears(policy.SanctionYears).AddDays(-1);

    public Task<Outcome> RecordAsync(Actor actor, SanctionInput input, CancellationToken ct = default) =>
        work.OnMemberAsync(actor, input.MemberId, OfficeAccess.Member, async s =>
        {
            var reason = input.Reason?.Trim() ?? "";
            if (reason.Length == 0) return Outcome.Invalid("reason", "請填寫處分原因");
            if (reason.Length > Sanction.MaxReasonLength) return Outcome.Invalid("reason", $"處分原因請在{Sanction.MaxReasonLength}字以內");
            var until = input.Until ?? DefaultUntil(input.From);
            if (until < input.From) return Outcome.Invalid("until", "處分結束日不可早於開始日");

            string? courseName = null;
            if (input.CourseId is { } courseId)
            {
                var app = await s.Db.Applications.Include(a => a.Course).ThenInclude(c => c.Organiser)
                    .Where(a => a.MemberId == input.MemberId && a.CourseId == courseId
                                && (a.Status == ApplicationStatus.Enrolled || a.Status == ApplicationStatus.Completed))
                    .SingleOrDefaultAsync(s.Ct);
                if (app is null) return Outcome.Invalid("course", "此會員在該課程沒有已完成報名繳費或已結訓的申請，無法取消其補助");
                s.Move(app, ApplicationStatus.NotCompleted, $"處分：{reason}");
                courseName = app.Course.Name;
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
            var member = await s.MemberAsync(input.MemberId);
            s.Mail(member.Email, member.Name, templates.Sanctioned(member.Name, courseName, input.From, until, reason));
            return null;
        }, input.CourseId, ct);
}
