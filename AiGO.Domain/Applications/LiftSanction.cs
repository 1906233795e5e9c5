using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Applications;

/// <summary>解除處分: the office ends a sanction early, with a reason; from then on it no longer blocks.</summary>
public sealed class LiftSanction(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, MailTemplates templates)
{
    public async Task<Outcome> LiftAsync(Actor actor, int sanctionId, string reason, CancellationToken ct = default)
    {
        string? memberId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            memberId = await db.Sanctions.Where(s => s.Id == sanctionId).Select(s => s.MemberId).SingleOrDefaultAsync(ct);
        if (memberId is null) return Outcome.NotFound("找不到此處分紀錄");
        return await work.OnMemberAsync(actor, memberId, OfficeAccess.Member, async s =>
        {
            var text = reason?.Trim() ?? "";
            if (text.Length == 0) return Outcome.Invalid("reason", "請填寫解除原因");
            if (FreeText.Check(text, "解除原因", Sanction.MaxReasonLength, multiline: true) is { } reasonError) return Outcome.Invalid("reason", reasonError);
            var sanction = await s.Db.Sanctions.SingleAsync(x => x.Id == sanctionId, s.Ct);
            if (sanction.LiftedAt is not null) return Outcome.Conflict("此處分已於先前解除。");
            if (sanction.Until < s.Today) return Outcome.Conflict("此處分已期滿，不需解除。");
            sanction.LiftedAt = s.Now;
            sanction.LiftedBy = actor.Name;
            sanction.LiftReason = text;
            s.Audit("member.sanction-lift", nameof(Sanction), sanction.Id, $"解除處分（原訂至{Taipei.Format(sanction.Until)}）：{text}");
            var member = await s.MemberAsync(memberId);
            s.Mail(member.Email, member.Name, templates.SanctionLifted(member.Name, text));
            return null;
        }, ct: ct);
    }
}
