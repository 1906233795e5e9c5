using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

public enum CreditField { Title, Points, File }

public sealed record CreditSubmission(IReadOnlyDictionary<CreditField, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// 上傳學習積分: a member uploads a proof (PDF, JPG or PNG, at most 5 MB, judged by its content) which waits
/// as 待審核 for the programme office.
/// </summary>
public sealed class SubmitLearningCredit(IDbContextFactory<AiGoDbContext> dbFactory, UploadFolder folder, TimeProvider clock, IChangeNotifier notifier, IStorageGuard storage)
{
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
        // Copy at most one byte past the limit: the size the browser reports is not trusted either.
        Directory.CreateDirectory(folder.Path);
        var temp = folder.FullPath(folder.NewFileName(".part"));
        string? stored = null;
        try
        {
            long size;
            var header = new byte[ProofFile.HeaderLength];
            var headerLength = 0;
            await using (var output = File.Create(temp))
            {
                size = await CopyLimitedAsync(content, output, ProofFile.MaxBytes + 1, header, h => headerLength = h, ct);
            }
            var kind = ProofFile.Check(header.AsSpan(0, headerLength), size);
            if (!kind.IsValid) errors[CreditField.File] = kind.Error;
            if (errors.Count > 0) return new CreditSubmission(errors);

            stored = folder.NewFileName(kind.Value.Extension);
            File.Move(temp, folder.FullPath(stored));
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.LearningCredits.Add(new LearningCredit
            {
                UserId = userId, Source = CreditSource.UploadedProof, Title = title!.Trim(), Points = points!.Value,
                Status = CreditStatus.Pending, SubmittedAt = clock.GetUtcNow(),
                ProofOriginalName = Path.GetFileName(originalName), ProofStoredName = stored,
                ProofContentType = kind.Value.ContentType, ProofSize = size,
            });
            await db.SaveChangesAsync(ct);
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
