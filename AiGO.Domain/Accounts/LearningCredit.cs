namespace AiGO.Domain.Accounts;

/// <summary>Where a learning credit comes from.</summary>
public enum CreditSource
{
    /// <summary>線上自學課程 — recorded by the office (or an import) when a member completes an online course.</summary>
    OnlineCourse = 1,
    /// <summary>上傳學習積分 — the member uploads a proof (certificate, transcript) for review.</summary>
    UploadedProof = 2,
}

public enum CreditStatus
{
    /// <summary>待審核</summary>
    Pending = 0,
    /// <summary>已通過</summary>
    Approved = 1,
    /// <summary>未通過</summary>
    Rejected = 2,
}

/// <summary>學習積分 — one entry of a member's learning credits; only approved points count (SPEC §5).</summary>
public class LearningCredit
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public CreditSource Source { get; set; }
    /// <summary>The course or the proof's title, as the member or the office wrote it.</summary>
    public string Title { get; set; } = "";
    public int Points { get; set; }
    public CreditStatus Status { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewNote { get; set; }
    /// <summary>The uploaded file's name as the member had it; shown only, never used as a path.</summary>
    public string? ProofOriginalName { get; set; }
    /// <summary>The random file name under the data folder's uploads/.</summary>
    public string? ProofStoredName { get; set; }
    public string? ProofContentType { get; set; }
    public long? ProofSize { get; set; }

    public const int MaxPointsPerEntry = 10;

    /// <summary>積分 that count for eligibility: approved entries only.</summary>
    public static int VerifiedPoints(IEnumerable<LearningCredit> credits) =>
        credits.Where(c => c.Status == CreditStatus.Approved).Sum(c => c.Points);

    public static string StatusText(CreditStatus status) => status switch
    {
        CreditStatus.Approved => "已通過",
        CreditStatus.Rejected => "未通過",
        _ => "待審核",
    };

    public static string SourceText(CreditSource source) => source == CreditSource.OnlineCourse ? "線上自學課程" : "上傳學習積分";
}
