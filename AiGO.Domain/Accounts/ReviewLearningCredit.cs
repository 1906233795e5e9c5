using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Accounts;

/// <summary>
/// 學習積分審核 (SPEC §12): the office approves an uploaded proof with the points it is worth, or rejects it with a
/// reason. The member is mailed, and their eligibility changes at once: open course pages and wizards hear of it.
/// </summary>
public sealed class ReviewLearningCredit(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, MailTemplates templates)
{
    public const int MaxReasonLength = 200;

    /// <summary>The points an approval may grant, as the page shows next to the field; null when they may be granted.</summary>
    public static string? CheckPoints(int? points) =>
        points is null ? "請填寫認列積分"
        : points is < 1 or > LearningCredit.MaxPointsPerEntry ? $"認列積分須介於1到{LearningCredit.MaxPointsPerEntry}分"
        : null;

    public static string? CheckNote(string? note) => FreeText.Check(note, "備註", MaxReasonLength, multiline: true);

    public static string? CheckReason(string? reason) => FreeText.Check(reason, "未通過原因", MaxReasonLength, required: true, multiline: true);

    public Task<Outcome> ApproveAsync(Actor actor, int creditId, int points, string? note, CancellationToken ct = default) =>
        ReviewAsync(actor, creditId, async (s, credit) =>
        {
            if (CheckPoints(points) is { } pointsError) return Outcome.Invalid("points", pointsError);
            if (CheckNote(note) is { } noteError) return Outcome.Invalid("note", noteError);
            credit.Status = CreditStatus.Approved;
            credit.Points = points;
            credit.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            await s.Db.SaveChangesAsync(s.Ct);
            var total = LearningCredit.VerifiedPoints(await s.Db.LearningCredits.Where(c => c.UserId == credit.UserId).ToListAsync(s.Ct));
            var member = await s.MemberAsync(credit.UserId);
            s.Mail(member.Email, member.Name, templates.CreditApproved(member.Name, credit.Title, points, total));
            s.Audit("credit.approve", nameof(LearningCredit), credit.Id, $"學習積分「{credit.Title}」審核通過，認列{points}分（已通過共{total}分）");
            return null;
        }, ct);

    public Task<Outcome> RejectAsync(Actor actor, int creditId, string reason, CancellationToken ct = default) =>
        ReviewAsync(actor, creditId, async (s, credit) =>
        {
            if (CheckReason(reason) is { } reasonError) return Outcome.Invalid("reason", reasonError);
            var text = reason.Trim();
            credit.Status = CreditStatus.Rejected;
            credit.ReviewNote = text;
            var member = await s.MemberAsync(credit.UserId);
            s.Mail(member.Email, member.Name, templates.CreditRejected(member.Name, credit.Title, text));
            s.Audit("credit.reject", nameof(LearningCredit), credit.Id, $"學習積分「{credit.Title}」審核未通過：{text}");
            return null;
        }, ct);

    private async Task<Outcome> ReviewAsync(Actor actor, int creditId, Func<ChangeScope, LearningCredit, Task<Outcome?>> act, CancellationToken ct)
    {
        string? memberId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            memberId = await db.LearningCredits.Where(c => c.Id == creditId).Select(c => c.UserId).SingleOrDefaultAsync(ct);
        if (memberId is null) return Outcome.NotFound("找不到此學習積分");
        return await work.OnMemberAsync(actor, memberId, OfficeAccess.Member, async s =>
        {
            var credit = await s.Db.LearningCredits.SingleAsync(c => c.Id == creditId, s.Ct);
            if (credit.Status != CreditStatus.Pending)
                return Outcome.Conflict($"此學習積分已審核（{LearningCredit.StatusText(credit.Status)}），不需再審核。");
            credit.ReviewedAt = s.Now;
            return await act(s, credit);
        }, ct: ct);
    }
}
