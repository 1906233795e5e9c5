using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace AiGO.Web.Excel;

/// <summary>An uploaded .xlsx that passed <see cref="XlsxUpload.Inspect"/>: where its first sheet is, and which of its cells are formulas.</summary>
/// <param name="FormulaCells">Zero-based (row, column) of every formula cell of the first sheet.</param>
public sealed record XlsxInspection(string FirstSheetPath, IReadOnlySet<(int Row, int Column)> FormulaCells);

/// <summary>
/// Checks an uploaded workbook before any spreadsheet library reads it: an .xlsx by its content (a zip package with a
/// workbook part), not by its name; and no zip bomb — the sizes its directory declares are bounded in total and in
/// compression ratio, and a part never inflates beyond its declared size (System.IO.Compression, which MiniExcel reads
/// through, stops it there). It also finds the first sheet's formula cells, which a reader of cached values cannot see.
/// </summary>
public static class XlsxUpload
{
    public const string NotXlsx = "這不是Excel活頁簿（.xlsx）檔案，請以Excel另存為「Excel活頁簿（*.xlsx）」後再上傳。";
    public const string Damaged = "檔案已損毀，無法讀取。請以Excel開啟確認後另存為.xlsx再上傳。";
    public const string Bomb = "檔案內容解壓縮後異常龐大，疑似惡意檔案，已拒絕。";

    /// <summary>A part may inflate to this many times its compressed size; real sheets stay far below (text XML compresses 5–20×).</summary>
    public const int MaxRatio = 100;
    /// <summary>Parts smaller than this are not held to the ratio (a tiny part of zeros compresses very well and harms nobody).</summary>
    private const long RatioExemptBytes = 1 << 20;
    private const int MaxEntries = 10_000;

    private static ReadOnlySpan<byte> ZipMagic => "PK\u0003\u0004"u8;

    /// <summary>Null and the inspection when the file may be read; otherwise the refusal in Chinese.</summary>
    /// <param name="file">The whole upload, seekable; left at position 0.</param>
    /// <param name="maxUncompressedBytes">The most all parts together may inflate to.</param>
    public static (XlsxInspection? Inspection, string? Refusal) Inspect(Stream file, long maxUncompressedBytes)
    {
        file.Position = 0;
        Span<byte> head = stackalloc byte[4];
        if (file.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || !head.SequenceEqual(ZipMagic)) return (null, NotXlsx);
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > MaxEntries) return (null, Bomb);
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is not { } workbook) return (null, NotXlsx);

            long declared = 0;
            foreach (var entry in entries)
            {
                declared += entry.Length;
                if (declared > maxUncompressedBytes) return (null, Bomb);
                if (entry.Length > RatioExemptBytes && entry.Length > (long)MaxRatio * Math.Max(1, entry.CompressedLength)) return (null, Bomb);
            }

            var firstSheet = FirstSheetPath(zip, workbook);
            if (firstSheet is null || zip.GetEntry(firstSheet) is null) return (null, Damaged);

            // System.IO.Compression stops a part at the size its directory entry declares (checked above), whatever its
            // deflate stream holds. The first sheet is inflated once more here, held to that size, to find its formulas.
            var scanner = new FormulaScanner();
            if (!InflatesWithin(zip.GetEntry(firstSheet)!, scanner)) return (null, Bomb);
            var mayHaveFormulas = scanner.Found;
            var formulas = mayHaveFormulas ? FormulaCells(zip.GetEntry(firstSheet)!) : new HashSet<(int, int)>();
            return (new XlsxInspection(firstSheet, formulas), null);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return (null, Damaged);
        }
        finally
        {
            file.Position = 0;
        }
    }

    /// <summary>Inflates the part, failing as soon as it gives more than it declared.</summary>
    private static bool InflatesWithin(ZipArchiveEntry entry, FormulaScanner scanner)
    {
        using var stream = entry.Open();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
            if (total > entry.Length) return false;
            scanner.Scan(buffer.AsSpan(0, read));
        }
        return true;
    }

    /// <summary>The part of the workbook's first sheet, from workbook.xml and its relationships.</summary>
    private static string? FirstSheetPath(ZipArchive zip, ZipArchiveEntry workbook)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        string? id;
        using (var s = workbook.Open()) id = (string?)XDocument.Load(s).Root?.Element(main + "sheets")?.Elements(main + "sheet").FirstOrDefault()?.Attribute(rel + "id");
        if (id is null || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } rels) return null;
        string? target;
        using (var s = rels.Open()) target = (string?)XDocument.Load(s).Root?.Elements(pkg + "Relationship").FirstOrDefault(r => (string?)r.Attribute("Id") == id)?.Attribute("Target");
        if (target is null) return null;
        return target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
    }

    /// <summary>Zero-based (row, column) of each cell with an <c>&lt;f&gt;</c> in the sheet.</summary>
    private static HashSet<(int, int)> FormulaCells(ZipArchiveEntry sheet)
    {
        var cells = new HashSet<(int, int)>();
        using var stream = sheet.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "c") cell = reader.GetAttribute("r");
            else if (reader.LocalName == "f" && cell is not null && Reference(cell) is { } at) cells.Add(at);
        }
        return cells;
    }

    /// <summary>"B3" → (2, 1).</summary>
    private static (int, int)? Reference(string r)
    {
        var column = 0;
        var i = 0;
        for (; i < r.Length && char.IsAsciiLetterUpper(r[i]); i++) column = column * 26 + (r[i] - 'A' + 1);
        return i > 0 && int.TryParse(r.AsSpan(i), out var row) ? (row - 1, column - 1) : null;
    }

    /// <summary>
    /// Looks for an element named f (with or without a prefix) in the sheet's bytes as they stream by, so the costly
    /// XML pass runs only for a sheet that has formulas.
    /// </summary>
    private sealed class FormulaScanner
    {
        private readonly byte[] _carry = new byte[16];
        private int _carried;
        public bool Found { get; private set; }

        public void Scan(ReadOnlySpan<byte> chunk)
        {
            if (Found) return;
            // A tag split across two chunks: look again at the end of the previous one joined to this one's start.
            if (_carried > 0)
            {
                Span<byte> seam = stackalloc byte[32];
                _carry.AsSpan(0, _carried).CopyTo(seam);
                var more = Math.Min(16, chunk.Length);
                chunk[..more].CopyTo(seam[_carried..]);
                if (HasFormulaTag(seam[..(_carried + more)])) { Found = true; return; }
            }
            if (HasFormulaTag(chunk)) { Found = true; return; }
            _carried = Math.Min(15, chunk.Length);
            chunk[^_carried..].CopyTo(_carry);
        }

        private static bool HasFormulaTag(ReadOnlySpan<byte> s)
        {
            for (var at = s.IndexOf((byte)'<'); at >= 0; at = s.IndexOf((byte)'<'))
            {
                s = s[(at + 1)..];
                var end = 0;
                while (end < s.Length && (char.IsAsciiLetterOrDigit((char)s[end]) || s[end] is (byte)':' or (byte)'_')) end++;
                if (end == s.Length) return false;
                var name = s[..end];
                var colon = name.LastIndexOf((byte)':');
                if (name[(colon + 1)..].SequenceEqual("f"u8)) return true;
            }
            return false;
        }
    }
}
