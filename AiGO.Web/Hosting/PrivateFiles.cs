using System.Runtime.Versioning;

namespace AiGO.Web.Hosting;

/// <summary>
/// Folders and files that only the app's own user may read: the data folder, the SQLite file, uploads, mail pickup
/// and the development keys (0700 folders, 0600 files). A no-op on Windows, whose ACLs follow the parent folder.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder, or narrows an existing one, to the app's user.</summary>
    public static string Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }
        Directory.CreateDirectory(path, FolderMode);
        Narrow(path, FolderMode);
        return path;
    }

    /// <summary>Narrows an existing file to the app's user; nothing when it does not exist.</summary>
    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file)) Narrow(file, FileMode);
    }

    /// <summary>A new file that is private from its first byte (no window at the umask's 0644).</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        using var stream = Create(path);
        stream.Write(bytes);
    }

    [UnsupportedOSPlatform("windows")]
    private static void Narrow(string path, UnixFileMode mode)
    {
        if (File.GetUnixFileMode(path) != mode) File.SetUnixFileMode(path, mode);
    }
}
