using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Accounts;

/// <summary>An uploaded proof waiting for review (待審核), with who sent it and what the file is.</summary>
public sealed record PendingProof(
    int CreditId, string MemberId, string MemberName, string Email, string Title, int RequestedPoints, DateTimeOffset SubmittedAt,
    string FileName, string ContentType, long Size)
{
    public string Waited(DateTimeOffset now) => Waiting.Since(SubmittedAt, now);

    /// <summary>"PDF，1.2 MB" — what the office is about to open.</summary>
    public string FileDescription => $"{Kind(ContentType)}，{SizeText(Size)}";

    public static string Kind(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPG",
        "image/png" => "PNG",
        _ => contentType,
    };

    public static string SizeText(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.0} MB" : $"{Math.Max(1, (bytes + 1023) / 1024)} KB";
}

/// <summary>A proof the office has reviewed: the decision, the points it was worth, the note or reason, and who decided.</summary>
public sealed record ReviewedProof(
    int CreditId, string MemberName, string Title, CreditStatus Status, int Points, string? Note, DateTimeOffset? ReviewedAt, string? Reviewer);

/// <summary>學習積分審核's list: what waits, oldest first, and the latest decisions.</summary>
public sealed record CreditReviewView(IReadOnlyList<PendingProof> Pending, IReadOnlyList<ReviewedProof> RecentlyReviewed);

/// <summary>Where a stored proof is and how to show it; <see cref="StoredName"/> is a file name under the upload folder, never a path.</summary>
public sealed record ProofFileRef(int CreditId, string StoredName, string ContentType, string OriginalName);

/// <summary>
/// Reads for 學習積分審核 (SPEC §12), office only: uploaded proofs that wait for review, the recent decisions, and the
/// stored file of one proof (a read of a member's personal document, so it is audited).
/// </summary>
public sealed class CreditReviewQueue(IDbContextFactory<AiGoDbContext> dbFactory, TimeProvider clock)
{
    public const int RecentCount = 20;

    public const string ProofReadAction = "credit.proof-read";

    private static readonly string[] ReviewActions = ["credit.approve", "credit.reject"];

    public async Task<Outcome<CreditReviewView>> LoadAsync(Actor actor, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<CreditReviewView>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var uploads = db.LearningCredits.AsNoTracking().Where(c => c.Source == CreditSource.UploadedProof);

        var pending = await (
                from c in uploads
                where c.Status == CreditStatus.Pending
                join u in db.Users on c.UserId equals u.Id
                orderby c.SubmittedAt, c.Id
                select new PendingProof(c.Id, u.Id, u.DisplayName, u.Email ?? "", c.Title, c.Points, c.SubmittedAt,
                    c.ProofOriginalName ?? "", c.ProofContentType ?? "", c.ProofSize ?? 0))
            .ToListAsync(ct);

        var reviewed = await (
                from c in uploads
                where c.Status != CreditStatus.Pending && c.ReviewedAt != null
                join u in db.Users on c.UserId equals u.Id
                orderby c.ReviewedAt descending, c.Id descending
                select new { c.Id, u.DisplayName, c.Title, c.Status, c.Points, c.ReviewNote, c.ReviewedAt })
            .Take(RecentCount).ToListAsync(ct);
        // Who decided is in the audit log, written in the same transaction as the decision.
        var keys = reviewed.Select(r => r.Id.ToString()).ToList();
        var reviewers = (await db.AuditLog.AsNoTracking()
                .Where(a => a.EntityType == nameof(LearningCredit) && keys.Contains(a.EntityId) && ReviewActions.Contains(a.Action))
                .Select(a => new { a.EntityId, a.ActorName, a.Id }).ToListAsync(ct))
            .GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.ActorName);

        return Outcome<CreditReviewView>.Success(new CreditReviewView(pending,
            reviewed.Select(r => new ReviewedProof(r.Id, r.DisplayName, r.Title, r.Status, r.Points, r.ReviewNote, r.ReviewedAt,
                reviewers.GetValueOrDefault(r.Id.ToString()))).ToList()));
    }

    /// <summary>The stored file of one uploaded proof, for the office to view; the read is audited.</summary>
    public async Task<Outcome<ProofFileRef>> OpenProofAsync(Actor actor, int creditId, CancellationToken ct = default)
    {
        if (OfficeAccess.Desk.Deny(actor, actor) is { } refused) return Outcome<ProofFileRef>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var credit = await db.LearningCredits.AsNoTracking().SingleOrDefaultAsync(c => c.Id == creditId, ct);
        if (credit is not { ProofStoredName: { } stored, ProofContentType: { } type })
            return Outcome<ProofFileRef>.From(Outcome.NotFound("找不到此學習積分的證明文件"));
        var member = await db.Users.Where(u => u.Id == credit.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        db.AuditLog.Add(actor.Audit(clock.GetUtcNow(), ProofReadAction, nameof(LearningCredit), credit.Id,
            $"檢視{member}的學習積分證明「{credit.Title}」（{credit.ProofOriginalName}）"));
        await db.SaveChangesAsync(ct);
        return Outcome<ProofFileRef>.Success(new ProofFileRef(credit.Id, stored, type, credit.ProofOriginalName ?? Path.GetFileName(stored)));
    }
}
