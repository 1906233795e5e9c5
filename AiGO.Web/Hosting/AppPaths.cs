namespace AiGO.Web.Hosting;

/// <summary>The app's data folder (<c>Data:Folder</c>, default App_Data under the content root): the SQLite file, the mail pickup folder, uploads.</summary>
public static class AppPaths
{
    public static string DataFolder(IConfiguration configuration, IWebHostEnvironment env)
    {
        var folder = configuration["Data:Folder"];
        var path = string.IsNullOrWhiteSpace(folder) ? Path.Combine(env.ContentRootPath, "App_Data")
            : Path.IsPathRooted(folder) ? folder : Path.Combine(env.ContentRootPath, folder);
        Directory.CreateDirectory(path);
        return path;
    }
}
