using AiGO.Domain.Data;
using Microsoft.Data.Sqlite;

namespace AiGO.Web.Hosting;

/// <summary>
/// The data folder (SQLite file, mail pickup folder, uploads) as the running app needs it: there, with the database
/// file in it, and writable. The existence checks run at every write; the write probe at most once a second.
/// </summary>
public sealed class DataFolderGuard(string dataFolder, string? databaseFile, TimeProvider clock) : IStorageGuard
{
    public const string Missing = "系統資料夾已不存在，這次的變更沒有儲存。請通知系統管理員。";
    public const string ReadOnly = "系統資料夾無法寫入，這次的變更沒有儲存。請通知系統管理員。";

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _probedAt = DateTimeOffset.MinValue;
    private bool _writable;

    public string DataFolder => dataFolder;

    /// <summary>The SQLite file of a connection string, when it is a file (null for PostgreSQL or an in-memory database).</summary>
    public static string? SqliteFile(string? connectionString) =>
        connectionString is null ? null
        : new SqliteConnectionStringBuilder(connectionString).DataSource is { Length: > 0 } file && file != ":memory:" ? Path.GetFullPath(file) : null;

    public string? Problem()
    {
        if (!Directory.Exists(dataFolder)) return Missing;
        if (databaseFile is not null && !File.Exists(databaseFile)) return Missing;
        return IsWritable(dataFolder) ? null : ReadOnly;
    }

    /// <summary>Throws <see cref="StorageUnavailableException"/> when a file cannot be written there now.</summary>
    public void EnsureWritable()
    {
        if (Problem() is { } problem) throw new StorageUnavailableException(problem);
    }

    /// <summary>A folder under the data folder: null when it can take a file (or will be created in a writable data folder).</summary>
    public string? FolderProblem(string folder)
    {
        if (Problem() is { } problem) return problem;
        if (!Directory.Exists(folder)) return null;
        return ProbeWrite(folder) ? null : ReadOnly;
    }

    private bool IsWritable(string folder)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_writable && now - _probedAt < ProbeInterval) return true;
            _writable = ProbeWrite(folder);
            _probedAt = now;
            return _writable;
        }
    }

    private static bool ProbeWrite(string folder)
    {
        var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
