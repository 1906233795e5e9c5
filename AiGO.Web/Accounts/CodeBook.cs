using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>The live code tables (SPEC §10) for forms and rules; retired codes are left out of choices.</summary>
public sealed class CodeBook(IDbContextFactory<AiGoDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CodeEntry>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Codes.AsNoTracking().OrderBy(c => c.Table).ThenBy(c => c.SortOrder).ToListAsync(ct);
    }
}
