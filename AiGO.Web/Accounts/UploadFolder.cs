namespace AiGO.Web.Accounts;

/// <summary>Uploaded proofs live under the data folder's uploads/, outside the web root, under random names.</summary>
public sealed class UploadFolder(string path)
{
    public string Path { get; } = path;

    public string NewFileName(string extension) => Guid.NewGuid().ToString("N") + extension;

    public string FullPath(string storedName) => System.IO.Path.Combine(Path, System.IO.Path.GetFileName(storedName));
}
