using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AiGO.Domain.Data;

/// <summary>Where the app keeps its files can no longer be written: the change is refused, and the message says so in Chinese.</summary>
public sealed class StorageUnavailableException(string message) : IOException(message);

/// <summary>Says whether the app's data folder can take a write now (null), or why not, in Chinese.</summary>
public interface IStorageGuard
{
    string? Problem();
}

/// <summary>
/// Fail closed: a SQLite file whose folder was deleted or made read-only while the app runs would otherwise take the
/// write into an unlinked file (an open handle keeps it alive) and lose it at the next start. Every save asks the guard
/// first and is refused with its message.
/// </summary>
public sealed class StorageGuardInterceptor(IStorageGuard guard) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check();
        return ValueTask.FromResult(result);
    }

    private void Check()
    {
        if (guard.Problem() is { } problem) throw new StorageUnavailableException(problem);
    }
}
