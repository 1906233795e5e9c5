namespace AiGO.Web.Import;

/// <summary><c>Import</c>: the limits of an uploaded trainee workbook.</summary>
public sealed class ImportOptions
{
    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most trainee rows one file may hold.</summary>
    public int MaxRows { get; set; } = 20_000;

    /// <summary>All parts of the package together may inflate to this many times <see cref="MaxBytes"/> (a zip bomb goes far beyond).</summary>
    public const int MaxInflation = 25;

    public string MaxBytesText => MaxBytes % (1024 * 1024) == 0 ? $"{MaxBytes / (1024 * 1024)}MB" : $"{MaxBytes / 1024.0:N0}KB";
}
