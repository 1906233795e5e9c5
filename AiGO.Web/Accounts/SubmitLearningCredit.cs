using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

public enum CreditField { Title, Points, File }

/// <summary><c>Accounts:Uploads</c>: how much one member may upload.</summary>
public sealed class UploadQuotaOptions
{
    /// <summary>Proof files per member in any 24 hours.</summary>
    public int MaxFilesPerDay { get; set; } = 10;
    /// <summary>All of a member's stored proofs together, in MB.</summary>
    public int MaxTotalMegabytes { get; set; } = 50;
}

public sealed record CreditSubmission(IReadOnlyDictionary<CreditField, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// 上傳學習積分: a member uploads a proof (PDF, JPG or PNG, at most 5 MB, judged by its content) which waits
/// as 待審核 for the programme office. A member's uploads have a quota (<see cref="UploadQuotaOptions"/>): so many files
/// a day and so many MB in all, judged in the transaction that records the file.
/// </summary>
public sealed class SubmitLearningCredit(IDbContextFactory<AiGoDbContext> dbFactory, UploadFolder folder, TimeProvider clock, IChangeNotifier notifier,
    Microsoft.Extensions.Options.IOptions<UploadQuotaOptions> quota, IStorageGuard storage)
{
    public string DailyLimitReached => $"24小時內最多上傳{quota.Value.MaxFilesPerDay}個佐證檔案，已達上限，請明日再上傳";

    public string TotalLimitReached(long used) =>
        $"佐證檔案總容量上限為{quota.Value.MaxTotalMegabytes}MB，您已使用{used / 1024d / 1024d:0.0}MB，加上此檔案將超過上限；如需協助請洽計畫辦公室";

    public const int MaxTitleLength = 100;

    public static string? CheckTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? "請填寫積分名稱，例如課程或證照名稱" : FreeText.Check(title, "積分名稱", MaxTitleLength);

    public static string? CheckPoints(int? points) =>
        points is null ? "請填寫申請積分"
        : points is < 1 or > LearningCredit.MaxPointsPerEntry ? $"申請積分應為1至{LearningCredit.MaxPointsPerEntry}的整數"
        : null;

    public async Task<CreditSubmission> SubmitAsync(ClaimsPrincipal principal, string? title, int? points,
        string originalName, Stream content, CancellationToken ct = default)
    {
        var userId = CurrentUser.IdOf(principal);
        var errors = new Dictionary<CreditField, string>();
        if (CheckTitle(title) is { } t) errors[CreditField.Title] = t;
        if (CheckPoints(points) is { } p) errors[CreditField.Points] = p;

        if (storage.Problem() is { } unavailable)
        {
            errors[CreditField.File] = unavailable;
            return new CreditSubmission(errors);
        }
        var now = clock.GetUtcNow();
        await using (var quotaDb = await dbFactory.CreateDbContextAsync(ct))
        {
            var since = now.AddDays(-1);
            if (await quotaDb.LearningCredits.CountAsync(c => c.UserId == userId && c.ProofStoredName != null && c.SubmittedAt > since, ct) >= quota.Value.MaxFilesPerDay)
                return new CreditSubmission(new Dictionary<CreditField, string> { [CreditField.File] = DailyLimitReached });
        }

        // Copy at most one byte past the limit: the size the browser reports is not trusted either.
        Hosting.PrivateFiles.Folder(folder.Path);
        var temp = folder.FullPath(folder.NewFileName(".part"));
        string? stored = null;
        try
        {
            long size;
            var header = new byte[ProofFile.HeaderLength];
            var headerLength = 0;
            await using (var output = Hosting.PrivateFiles.Create(temp))
            {
                size = await CopyLimitedAsync(content, output, ProofFile.MaxBytes + 1, header, h => headerLength = h, ct);
            }
            var kind = ProofFile.Check(header.AsSpan(0, headerLength), size);
            if (!kind.IsValid) errors[CreditField.File] = kind.Error;
            if (errors.Count > 0) return new CreditSubmission(errors);

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // The quota is judged where the record is written (SQLite's write lock; PostgreSQL may let two parallel
            // uploads of one member through together, which is as far as it can overshoot).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var used = await db.LearningCredits.Where(c => c.UserId == userId && c.ProofStoredName != null).SumAsync(c => (long?)c.ProofSize, ct) ?? 0;
            if (used + size > quota.Value.MaxTotalMegabytes * 1024L * 1024L)
                return new CreditSubmission(new Dictionary<CreditField, string> { [CreditField.File] = TotalLimitReached(used) });

            stored = folder.NewFileName(kind.Value.Extension);
            File.Move(temp, folder.FullPath(stored));
            db.LearningCredits.Add(new LearningCredit
            {
                UserId = userId, Source = CreditSource.UploadedProof, Title = title!.Trim(), Points = points!.Value,
                Status = CreditStatus.Pending, SubmittedAt = now,
                ProofOriginalName = Path.GetFileName(originalName), ProofStoredName = stored,
                ProofContentType = kind.Value.ContentType, ProofSize = size,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            stored = null;
            notifier.Publish(LiveChange.ForMember(userId)); // 學習積分審核 shows it at once
            return new CreditSubmission(errors);
        }
        finally
        {
            File.Delete(temp);
            // The record did not commit: no orphan file stays behind.
            if (stored is not null) File.Delete(folder.FullPath(stored));
        }
    }

    private static async Task<long> CopyLimitedAsync(Stream input, Stream output, long limit, byte[] header, Action<int> headerRead, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - total)), ct)) > 0)
        {
            if (total < header.Length)
            {
                var n = (int)Math.Min(header.Length - total, read);
                Array.Copy(buffer, 0, header, total, n);
                headerRead((int)total + n);
            }
            await output.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
        return total;
    }
}
