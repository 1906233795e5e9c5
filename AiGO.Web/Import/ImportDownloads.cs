using AiGO.Domain.Common;
using AiGO.Domain.Import;
using Microsoft.Extensions.Caching.Memory;

namespace AiGO.Web.Import;

/// <summary>
/// The rejected rows of a dry run or an import, kept for a while for the one user who uploaded them, so the page can
/// link to a download (a plain GET the browser saves) instead of pushing the file through the circuit.
/// </summary>
public sealed class ImportDownloads(IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(30);

    public sealed record Kept(string UserId, int CourseId, string CourseName, IReadOnlyList<CodeEntry> Codes, IReadOnlyList<ImportRowResult> Rows);

    /// <summary>Keeps the report's rejected rows; the token names them in the download's address.</summary>
    public string Keep(string userId, ImportReport report, IReadOnlyList<CodeEntry> codes)
    {
        var token = Guid.NewGuid().ToString("N");
        cache.Set(Key(token), new Kept(userId, report.Course.Id, report.Course.Name, codes, report.Rejected), new MemoryCacheEntryOptions { SlidingExpiration = KeptFor });
        return token;
    }

    /// <summary>The rows kept under <paramref name="token"/> for this user and course; null for anyone else.</summary>
    public Kept? Find(string userId, int courseId, string token) =>
        cache.TryGetValue(Key(token), out Kept? kept) && kept!.UserId == userId && kept.CourseId == courseId ? kept : null;

    public static string PathFor(int courseId, string token) => $"org/courses/{courseId}/import/rejected/{token}.xlsx";

    private static string Key(string token) => $"import-rejected:{token}";
}
