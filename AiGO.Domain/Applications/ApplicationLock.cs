using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiGO.Domain.Applications;

/// <summary>
/// The transaction every change to a member's holds runs in. The cap (per member) and the seats (per course)
/// must hold when two submissions race, so the check and the write happen under a lock in the database:
/// SQLite's BEGIN IMMEDIATE takes the database's write lock; PostgreSQL locks the member's row, then the
/// course's row (always in that order, so two transactions never wait on each other in a circle).
/// </summary>
public static class ApplicationLock
{
    public static async Task<IDbContextTransaction> BeginAsync(AiGoDbContext db, string? memberId, int? courseId, CancellationToken ct = default)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            if (memberId is not null)
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"AspNetUsers\" WHERE \"Id\" = {memberId} FOR UPDATE", ct);
            if (courseId is not null)
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Courses\" WHERE \"Id\" = {courseId} FOR UPDATE", ct);
        }
        return tx;
    }

    /// <summary>
    /// The transaction of an import: many members' rows (in ascending id, as every other transaction that holds more
    /// than one takes them), then the course's, so it never waits in a circle with a submission or another import.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(AiGoDbContext db, IReadOnlyCollection<string> memberIds, int courseId, CancellationToken ct = default)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            var ids = memberIds.Distinct().Order(StringComparer.Ordinal).ToArray();
            if (ids.Length > 0)
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"SELECT 1 FROM \"AspNetUsers\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" COLLATE \"C\" FOR UPDATE", ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Courses\" WHERE \"Id\" = {courseId} FOR UPDATE", ct);
        }
        return tx;
    }

    /// <summary>
    /// Locks one more course inside a transaction that already holds its member (a sanction withdraws the member's
    /// applications on several courses). Callers take them in ascending id, so two such transactions never wait in a circle.
    /// </summary>
    public static async Task LockCourseAsync(AiGoDbContext db, int courseId, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Courses\" WHERE \"Id\" = {courseId} FOR UPDATE", ct);
    }
}
