using AiGO.Domain.Common;

namespace AiGO.Domain.Accounts;

/// <summary>What an uploaded learning-credit proof may be: PDF, JPG or PNG of at most 5 MB, judged by its first bytes.</summary>
public static class ProofFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int HeaderLength = 8;

    private static readonly (byte[] Magic, string ContentType, string Extension)[] Kinds =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
    ];

    /// <summary>The file's kind from its size and first bytes; the name the browser sent is not trusted.</summary>
    public static Parsed<(string ContentType, string Extension)> Check(ReadOnlySpan<byte> header, long size)
    {
        if (size <= 0) return Parsed<(string, string)>.Fail("請選擇要上傳的證明文件");
        if (size > MaxBytes) return Parsed<(string, string)>.Fail($"檔案過大：上限為5MB，此檔案為{size / 1024.0 / 1024.0:0.0}MB");
        foreach (var (magic, type, ext) in Kinds)
        {
            if (header.StartsWith(magic)) return Parsed<(string, string)>.Ok((type, ext));
        }
        return Parsed<(string, string)>.Fail("檔案格式不符：僅接受 PDF、JPG 或 PNG 檔案");
    }
}
