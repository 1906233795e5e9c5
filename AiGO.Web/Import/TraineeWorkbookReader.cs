using System.Globalization;
using AiGO.Domain.Import;
using AiGO.Web.Excel;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace AiGO.Web.Import;

/// <summary>An upload read: its trainee rows, or why the whole file is refused (then nothing is judged and nothing changes).</summary>
public sealed record WorkbookRead(IReadOnlyList<TraineeRowCells> Rows, string? Refusal)
{
    public static WorkbookRead Refused(string why) => new([], why);
}

/// <summary>
/// Reads an uploaded trainee workbook: checked as a package first (<see cref="XlsxUpload"/>), then streamed with
/// MiniExcel, the header held to the template's A–W, the 說明 row skipped, and the rows counted against the limit
/// as they come, so a huge sheet is stopped early.
/// </summary>
public sealed class TraineeWorkbookReader(IOptions<ImportOptions> options)
{
    private ImportOptions Limits => options.Value;

    public string TooLarge => $"檔案過大：上限為{Limits.MaxBytesText}，請分成數個檔案上傳。";
    public string TooManyRows => $"資料超過{Limits.MaxRows:N0}列的上限，請分成數個檔案上傳。";
    public const string Empty = "檔案中沒有學員資料：請自第3列起填寫，每列一位學員。";

    /// <param name="file">The whole upload, seekable.</param>
    public WorkbookRead Read(Stream file)
    {
        if (file.Length > Limits.MaxBytes) return WorkbookRead.Refused(TooLarge);
        var (inspection, refusal) = XlsxUpload.Inspect(file, Limits.MaxBytes * ImportOptions.MaxInflation);
        if (refusal is not null) return WorkbookRead.Refused(refusal);

        try
        {
            var rows = new List<TraineeRowCells>();
            var formulasByRow = inspection!.FormulaCells.Where(f => f.Column < TraineeSheet.Columns.Count)
                .GroupBy(f => f.Row).ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(f => f.Column).ToHashSet());
            var shared = new SharedCells();
            var index = -1;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                index++;
                var cells = Cells(row, shared);
                if (index == 0)
                {
                    if (TraineeSheet.CheckHeader(cells) is { } wrong) return WorkbookRead.Refused(wrong);
                    continue;
                }
                if (index == 1 && cells.FirstOrDefault()?.Trim() == TraineeSheet.HintRowLabel) continue;
                var read = new TraineeRowCells(index + 1, cells, formulasByRow.GetValueOrDefault(index) ?? EmptyColumns);
                if (read.IsBlank) continue;
                if (rows.Count == Limits.MaxRows) return WorkbookRead.Refused(TooManyRows);
                rows.Add(read);
            }
            if (index < 0) return WorkbookRead.Refused(TraineeSheet.CheckHeader([])!);
            return rows.Count == 0 ? WorkbookRead.Refused(Empty) : new WorkbookRead(rows, null);
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException or FormatException)
        {
            return WorkbookRead.Refused(XlsxUpload.Damaged);
        }
    }

    private static readonly IReadOnlySet<int> EmptyColumns = new HashSet<int>();

    /// <summary>The column letters A … X, once, not built again for every cell of every row.</summary>
    private static readonly string[] Letters = Enumerable.Range(0, TraineeSheet.Columns.Count + 1).Select(TraineeSheet.Letter).ToArray();

    /// <summary>Columns A–W of a row as text: a date cell as yyyy-MM-dd, a number without a thousands separator.</summary>
    private static string?[] Cells(IDictionary<string, object?> row, SharedCells shared)
    {
        var cells = new string?[Letters.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row.TryGetValue(Letters[i], out var value) ? shared.Get(i, value switch
            {
                null => null,
                string s => s,
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                double n => n.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            }) : null;
        }
        return cells;
    }

    /// <summary>
    /// One string for each value a column repeats (the code columns' few codes, a date, a company's name): a file's
    /// rows are kept until the import is done, and MiniExcel gives every cell a string of its own. A column that keeps
    /// bringing new values (names, IDs, e-mails) stops being pooled once it has shown <see cref="MaxPerColumn"/> of them.
    /// </summary>
    private sealed class SharedCells
    {
        private const int MaxPerColumn = 256;
        private readonly Dictionary<string, string>[] _columns =
            Enumerable.Range(0, Letters.Length).Select(_ => new Dictionary<string, string>(StringComparer.Ordinal)).ToArray();

        public string? Get(int column, string? value)
        {
            if (value is null) return null;
            var pool = _columns[column];
            if (pool.TryGetValue(value, out var shared)) return shared;
            if (pool.Count < MaxPerColumn) pool.Add(value, value);
            return value;
        }
    }
}
