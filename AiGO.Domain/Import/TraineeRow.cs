using System.Globalization;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;

namespace AiGO.Domain.Import;

/// <summary>One data row of an uploaded workbook as text (<see cref="Cells"/> in columns A–W), and the columns whose cell was a formula.</summary>
public sealed record TraineeRowCells(int RowNumber, IReadOnlyList<string?> Cells, IReadOnlySet<int> FormulaColumns)
{
    public TraineeRowCells(int rowNumber, IReadOnlyList<string?> cells) : this(rowNumber, cells, new HashSet<int>()) { }

    public string Cell(int column) => column < Cells.Count ? Cells[column]?.Trim() ?? "" : "";

    /// <summary>A row with nothing typed after 序號 (a template numbered in advance) is not a trainee.</summary>
    public bool IsBlank => Enumerable.Range(1, TraineeSheet.Columns.Count - 1).All(c => Cell(c).Length == 0);
}

/// <summary>Why a row cannot be imported: the column at fault (null: the row as a whole) and the reason, in Chinese.</summary>
public sealed record RowProblem(int? Column, string Message)
{
    public string Text => Column is { } c ? $"{TraineeSheet.Letter(c)}欄 {TraineeSheet.Columns[c].Header}：{Message}" : Message;
}

/// <summary>A row read into the basic data it carries, with what could not even be read (a date, a number, a formula).</summary>
public sealed record TraineeRow(TraineeRowCells Cells, string Email, MemberProfile Profile, IReadOnlyList<RowProblem> ReadProblems)
{
    public const string FormulaRefused = "此欄是公式，請直接輸入內容（匯入不計算公式）";
    public const string NotInWorkbook = "（匯入檔無此欄位，請學員先至帳號管理填寫）";

    public int RowNumber => Cells.RowNumber;
    public string Name => Cells.Cell(TraineeSheet.Name);

    /// <summary>A cell as the row reads it: null when empty or a formula (whose cached value is not taken).</summary>
    private static string? TextOf(TraineeRowCells cells, int column) =>
        cells.FormulaColumns.Contains(column) || cells.Cell(column).Length == 0 ? null : cells.Cell(column);

    /// <summary>The e-mail <see cref="Read"/> gives the row ("" for none), without reading the rest.</summary>
    public static string EmailOf(TraineeRowCells cells) => TextOf(cells, TraineeSheet.Email) ?? "";

    /// <summary>The national ID <see cref="Read"/> puts in the profile, without reading the rest.</summary>
    public static string? NationalIdOf(TraineeRowCells cells) => TextOf(cells, TraineeSheet.NationalId);

    /// <summary>Reads the cells into a profile; every cell that cannot be read is a problem on its column.</summary>
    public static TraineeRow Read(TraineeRowCells cells)
    {
        var problems = cells.FormulaColumns.Order().Select(c => new RowProblem(c, FormulaRefused)).ToList();
        string? Text(int column) => TextOf(cells, column);

        var profile = new MemberProfile
        {
            Name = Text(TraineeSheet.Name),
            NationalId = NationalIdOf(cells),
            Gender = Text(TraineeSheet.Gender),
            BusinessNumber = Text(TraineeSheet.BusinessNumber),
            CompanyName = Text(TraineeSheet.Company),
            Department = Text(TraineeSheet.Department),
            JobTitle = Text(TraineeSheet.JobTitle),
            Phone = Text(TraineeSheet.Phone),
            Extension = Text(TraineeSheet.Extension),
            Mobile = Text(TraineeSheet.Mobile),
            Residence = Text(TraineeSheet.Residence),
            JobLevel = Text(TraineeSheet.JobLevel),
            SpecialIdentity = Text(TraineeSheet.SpecialIdentity),
            Education = Text(TraineeSheet.Education),
            UnitSize = Text(TraineeSheet.UnitSize),
            Motivation = Text(TraineeSheet.Motivation),
        };
        profile.ChangeIndustrySection(Text(TraineeSheet.IndustrySection)?.ToUpperInvariant());
        profile.IndustryDivision = Text(TraineeSheet.IndustryDivision);

        if (Text(TraineeSheet.Birthday) is { } birthday)
        {
            profile.Birthday = ImportDate.Parse(birthday);
            if (profile.Birthday is null) problems.Add(new RowProblem(TraineeSheet.Birthday, $"「{birthday}」不是日期；{ImportDate.FormatHint}"));
        }
        if (Text(TraineeSheet.Identity) is { } identity)
        {
            if (int.TryParse(identity, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Enum.IsDefined(typeof(IdentityType), code))
                profile.ChangeIdentityType((IdentityType)code);
            else
                problems.Add(new RowProblem(TraineeSheet.Identity, $"身分別的代碼「{identity}」不存在，請填 1 企業、2 個人工作者、3 學生或 4 待業者"));
        }
        if (Text(TraineeSheet.YearsOfWork) is { } years)
        {
            if (decimal.TryParse(years, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var y) && y == decimal.Truncate(y) && y <= int.MaxValue)
                profile.YearsOfWork = (int)y;
            else
                problems.Add(new RowProblem(TraineeSheet.YearsOfWork, $"「{years}」不是整數，請輸入整數數字，例如 1"));
        }
        return new TraineeRow(cells, EmailOf(cells), profile, problems);
    }

    /// <summary>
    /// Every rule of the basic data (<see cref="ProfileRules"/>, as the wizard checks it), each on its column; a column
    /// that could not be read is not reported twice.
    /// </summary>
    public IReadOnlyList<RowProblem> CheckProfile(IReadOnlyCollection<CodeEntry> liveCodes, DateOnly today)
    {
        var problems = new List<RowProblem>(ReadProblems);
        var unreadable = ReadProblems.Select(p => p.Column).ToHashSet();
        foreach (var error in ProfileRules.Validate(Profile, liveCodes, today))
        {
            var column = TraineeSheet.ColumnOf(error.Field);
            if (column is null) problems.Add(new RowProblem(null, error.Message + NotInWorkbook));
            else if (!unreadable.Contains(column.Index)) problems.Add(new RowProblem(column.Index, error.Message));
        }
        return problems;
    }
}
