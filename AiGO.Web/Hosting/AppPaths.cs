using Microsoft.Data.Sqlite;

namespace AiGO.Web.Hosting;

/// <summary>The app's data folder (<c>Data:Folder</c>, default App_Data under the content root): the SQLite file, the mail pickup folder, uploads.</summary>
public static class AppPaths
{
    /// <summary>The data folder, created (or narrowed) readable by the app's user only.</summary>
    public static string DataFolder(IConfiguration configuration, IWebHostEnvironment env)
    {
        var folder = configuration["Data:Folder"];
        var path = string.IsNullOrWhiteSpace(folder) ? Path.Combine(env.ContentRootPath, "App_Data")
            : Path.IsPathRooted(folder) ? folder : Path.Combine(env.ContentRootPath, folder);
        return PrivateFiles.Folder(path);
    }

    /// <summary>
    /// Creates the SQLite file private before SQLite opens it (SQLite gives its journal and WAL files the database
    /// file's mode), or narrows one made by an older version. Nothing for a shared-cache or in-memory source.
    /// </summary>
    public static void PrepareSqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        if (Path.GetDirectoryName(Path.GetFullPath(source)) is { } dir && !Directory.Exists(dir)) PrivateFiles.Folder(dir);
        if (!File.Exists(source)) PrivateFiles.Create(source).Dispose(); // an empty file is an empty SQLite database
        foreach (var file in new[] { source, source + "-wal", source + "-shm", source + "-journal" }) PrivateFiles.Restrict(file);
    }
}
