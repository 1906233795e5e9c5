using AiGO.Domain.Accounts;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>
/// 刪除個人資料: a member without subsidy applications deletes the account, the basic data, the credits and the
/// uploaded proofs. Applications are subsidy records the programme office must keep, so a member who has any
/// is told to ask the office instead.
/// </summary>
public sealed class DeleteMyAccount(IDbContextFactory<AiGoDbContext> dbFactory, UserManager<AppUser> users, UploadFolder uploads, ILogger<DeleteMyAccount> logger)
{
    public const string HasApplications = "您已有課程補助申請紀錄，依規定須由計畫辦公室保存，無法自行刪除帳號。如需刪除或停止處理個人資料，請洽計畫辦公室（02）6631-6513、aigo@iii.org.tw。";

    /// <summary>Returns null when deleted, otherwise why not.</summary>
    public async Task<string?> DeleteAsync(AppUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Applications.AnyAsync(a => a.MemberId == user.Id, ct)) return HasApplications;
        var proofs = await db.LearningCredits.Where(c => c.UserId == user.Id && c.ProofStoredName != null)
            .Select(c => c.ProofStoredName!).ToListAsync(ct);

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded) return "刪除失敗：" + string.Join("；", result.Errors.Select(e => e.Description));
        foreach (var name in proofs)
        {
            try { File.Delete(uploads.FullPath(name)); }
            catch (IOException ex) { logger.LogWarning(ex, "Could not delete proof {File} of a deleted account", name); }
        }
        return null;
    }
}
