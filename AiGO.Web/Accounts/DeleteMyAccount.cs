using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>How long paid subsidy records are kept after the last disbursement (<c>Accounts:SubsidyRecordYears</c>).</summary>
public sealed class RecordRetentionOptions
{
    /// <summary>勞動部勞動力發展署 keeps subsidy vouchers at least 10 years; so does the programme.</summary>
    public int SubsidyRecordYears { get; set; } = 10;
}

/// <summary>
/// 刪除資料並關閉帳號 (個資法第11條). The account can no longer sign in either way, and its mails lose their bodies
/// (unsent ones go). A member with no paid subsidy and no sanction is deleted with everything: basic data, credits and
/// their uploaded proofs, drafts, requests and the applications that ended without money. A member with a paid subsidy
/// (or a sanction on record) is anonymised instead: the subsidy records the programme must keep stay, with only what
/// they require (<see cref="MemberProfile.KeepOnlySubsidyRecord"/>), until <see cref="AppUser.RetainUntil"/>.
/// An application still under way must first be cancelled or paid.
/// </summary>
public sealed class DeleteMyAccount(AiGoDbContext db, UploadFolder uploads, TimeProvider clock, RecordRetentionOptions retention, ILogger<DeleteMyAccount> logger)
{
    public const string StillUnderWay = "您有進行中的課程補助申請，依規定須保存至補助款撥付。請先至課程管理取消尚未開課的申請，或待撥款完成後再刪除帳號；如有疑問請洽計畫辦公室（02）6631-6513、aigo@iii.org.tw。";

    public const string DeleteAction = "member.delete", AnonymiseAction = "member.anonymise";

    /// <summary>Statuses whose subsidy is not settled yet: the record must stay whole until it is paid or released.</summary>
    private static readonly ApplicationStatus[] UnderWay = ApplicationStatuses.HoldingMoney.Except([ApplicationStatus.Disbursed]).ToArray();

    /// <summary>Returns null when done (deleted or anonymised), otherwise why not.</summary>
    public async Task<string?> DeleteAsync(AppUser user, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var applications = await db.Applications.Where(a => a.MemberId == user.Id).Select(a => new { a.Id, a.Status, a.DisbursedOn }).ToListAsync(ct);
        if (applications.Any(a => UnderWay.Contains(a.Status))) return StillUnderWay;
        var paid = applications.Where(a => a.Status == ApplicationStatus.Disbursed).ToList();
        var sanctioned = await db.Sanctions.AnyAsync(s => s.MemberId == user.Id, ct);
        var proofs = await db.LearningCredits.Where(c => c.UserId == user.Id && c.ProofStoredName != null).Select(c => c.ProofStoredName!).ToListAsync(ct);
        var unpaid = applications.Where(a => a.Status != ApplicationStatus.Disbursed).Select(a => a.Id).ToList();
        var address = user.Email;

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (address is not null) await MailRetention.ForgetAsync(db, address, now, ct);
            await db.LearningCredits.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
            await db.ApplicationDrafts.Where(d => d.MemberId == user.Id).ExecuteDeleteAsync(ct);
            await db.Applications.Where(a => unpaid.Contains(a.Id)).ExecuteDeleteAsync(ct);
            if (paid.Count == 0 && !sanctioned)
            {
                db.AuditLog.Add(Audit(user, now, DeleteAction, $"會員刪除帳號及全部個人資料（刪除已結束的申請{unpaid.Count}件）"));
                db.Users.Remove(user);
            }
            else
            {
                var lastPaid = paid.Max(a => a.DisbursedOn) ?? Taipei.DateOf(now);
                user.RetainUntil = lastPaid.AddYears(retention.SubsidyRecordYears);
                await AnonymiseAsync(user, now, ct);
                db.AuditLog.Add(Audit(user, now, AnonymiseAction,
                    $"會員刪除帳號：已撥款的補助紀錄{paid.Count}件依規定保存至{Taipei.Format(user.RetainUntil.Value)}，僅留姓名、身分證字號、生日、身分別與特殊身份；聯絡資料、學習積分及其他申請已刪除（{unpaid.Count}件）"));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        foreach (var name in proofs)
        {
            try { File.Delete(uploads.FullPath(name)); }
            catch (IOException ex) { logger.LogWarning(ex, "Could not delete proof {File} of a deleted account", name); }
        }
        return null;
    }

    /// <summary>The account stays only as the owner of the kept records: no address, no password, no roles, locked for good.</summary>
    private async Task AnonymiseAsync(AppUser user, DateTimeOffset now, CancellationToken ct)
    {
        var profile = await db.MemberProfiles.SingleOrDefaultAsync(p => p.UserId == user.Id, ct);
        profile?.KeepOnlySubsidyRecord();
        if (profile is not null) profile.UpdatedAt = now;
        await db.PrivacyRequests.Where(r => r.MemberId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        var name = $"deleted-{user.Id}";
        (user.UserName, user.NormalizedUserName, user.Email, user.NormalizedEmail, user.EmailConfirmed) = (name, name.ToUpperInvariant(), null, null, false);
        (user.PasswordHash, user.PhoneNumber, user.PhoneNumberConfirmed, user.TwoFactorEnabled) = (null, null, false, false);
        (user.LockoutEnabled, user.LockoutEnd, user.AnonymisedAt) = (true, DateTimeOffset.MaxValue, now);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        if (db.Entry(user).State == EntityState.Detached) db.Users.Update(user);
    }

    private static AuditEntry Audit(AppUser user, DateTimeOffset now, string action, string details) => new()
    {
        At = now, ActorId = user.Id, ActorName = user.DisplayName, Action = action, EntityType = "Member", EntityId = user.Id, Details = details,
    };
}
