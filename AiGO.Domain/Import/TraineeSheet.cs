using AiGO.Domain.Accounts;
using AiGO.Domain.Common;

namespace AiGO.Domain.Import;

/// <summary>What a column of the import workbook holds: plain text, a date, a whole number, or a code from a code sheet.</summary>
public enum TraineeColumnKind { Text, Date, Number, Code }

/// <summary>
/// One column of the trainee workbook (manual page 14/15): its letter, its header, the 說明 under it, the basic-data
/// field it fills, and the code sheet its drop-down lists (if any).
/// </summary>
public sealed record TraineeColumn(int Index, string Header, string Hint, TraineeColumnKind Kind, ProfileField? Field, CodeSheet? Codes = null)
{
    public string Letter => TraineeSheet.Letter(Index);
}

/// <summary>A code sheet of the template: its name (the manual's 頁籤) and the code tables it lists.</summary>
public sealed record CodeSheet(string Name, params CodeTableKind[] Tables);

/// <summary>
/// The trainee workbook of SPEC §7, columns A–W exactly as the manual's page 14/15: the template is written from
/// this, an upload is read against it, and the rejected rows go back in it.
/// </summary>
public static class TraineeSheet
{
    public const string SheetName = "學員名單";
    /// <summary>The first cell of the row under the headers.</summary>
    public const string HintRowLabel = "說明";
    /// <summary>The column the rejected-rows workbook adds after W.</summary>
    public const string ReasonHeader = "錯誤原因";

    public static readonly CodeSheet IdentitySheet = new("身分別", CodeTableKind.IdentityType);
    public static readonly CodeSheet ResidenceSheet = new("居住地", CodeTableKind.Residence);
    public static readonly CodeSheet JobLevelSheet = new("職級", CodeTableKind.JobLevel);
    public static readonly CodeSheet SpecialIdentitySheet = new("特殊身份", CodeTableKind.SpecialIdentity);
    public static readonly CodeSheet EducationSheet = new("最高學歷", CodeTableKind.Education);
    public static readonly CodeSheet UnitSizeSheet = new("服務單位規模", CodeTableKind.UnitSize);
    public static readonly CodeSheet IndustrySheet = new("產業別對照表", CodeTableKind.IndustrySection, CodeTableKind.IndustryDivision);
    public static readonly CodeSheet MotivationSheet = new("培訓動機", CodeTableKind.Motivation);

    /// <summary>The code sheets, in the manual's order.</summary>
    public static readonly IReadOnlyList<CodeSheet> CodeSheets =
        [IdentitySheet, ResidenceSheet, JobLevelSheet, SpecialIdentitySheet, EducationSheet, UnitSizeSheet, IndustrySheet, MotivationSheet];

    public const int Number = 0, Name = 1, NationalId = 2, Birthday = 3, Email = 4, Identity = 5, Gender = 6, BusinessNumber = 7,
        Company = 8, Department = 9, JobTitle = 10, Phone = 11, Extension = 12, Mobile = 13, YearsOfWork = 14, Residence = 15,
        JobLevel = 16, SpecialIdentity = 17, Education = 18, UnitSize = 19, IndustrySection = 20, IndustryDivision = 21, Motivation = 22;

    public static readonly IReadOnlyList<TraineeColumn> Columns =
    [
        new(Number, "序號", HintRowLabel, TraineeColumnKind.Number, null),
        new(Name, "姓名", "文字", TraineeColumnKind.Text, ProfileField.Name),
        new(NationalId, "身分證字號", "英數字", TraineeColumnKind.Text, ProfileField.NationalId),
        new(Birthday, "西元出生年月日", "格式 1990-01-01", TraineeColumnKind.Date, ProfileField.Birthday),
        new(Email, "E-mail", "登入AIGO帳號之信箱", TraineeColumnKind.Text, null),
        new(Identity, "身分別", "輸入代號 (參考身分別頁籤)", TraineeColumnKind.Code, ProfileField.IdentityType, IdentitySheet),
        new(Gender, "性別", "1：男 0：女", TraineeColumnKind.Code, ProfileField.Gender),
        new(BusinessNumber, "統一編號", "數字", TraineeColumnKind.Text, ProfileField.BusinessNumber),
        new(Company, "公司名稱", "請寫公司全名 長度20字以內", TraineeColumnKind.Text, ProfileField.CompanyName),
        new(Department, "服務部門", "文字 長度20字以內", TraineeColumnKind.Text, ProfileField.Department),
        new(JobTitle, "職稱", "文字 長度20字以內", TraineeColumnKind.Text, ProfileField.JobTitle),
        new(Phone, "聯絡電話", "含區碼不含符號 EX：0266316746", TraineeColumnKind.Text, ProfileField.Phone),
        new(Extension, "分機", "若無則不用輸入", TraineeColumnKind.Text, ProfileField.Extension),
        new(Mobile, "行動電話", "不含符號十碼數字 EX：0987654321", TraineeColumnKind.Text, ProfileField.Mobile),
        new(YearsOfWork, "累計工作年資(年)", "輸入整數數字 EX：1", TraineeColumnKind.Number, ProfileField.YearsOfWork),
        new(Residence, "在台居住地", "輸入代號 參考居住地頁籤", TraineeColumnKind.Code, ProfileField.Residence, ResidenceSheet),
        new(JobLevel, "職級", "輸入代號 參考職級頁籤", TraineeColumnKind.Code, ProfileField.JobLevel, JobLevelSheet),
        new(SpecialIdentity, "特殊身份", "輸入代號 參考特殊身份頁籤", TraineeColumnKind.Code, ProfileField.SpecialIdentity, SpecialIdentitySheet),
        new(Education, "最高學歷", "輸入代號 參考最高學歷頁籤", TraineeColumnKind.Code, ProfileField.Education, EducationSheet),
        new(UnitSize, "服務單位規模", "輸入代號 參考服務單位規模頁籤", TraineeColumnKind.Code, ProfileField.UnitSize, UnitSizeSheet),
        new(IndustrySection, "產業別", "輸入英文代號 參考產業別對照表", TraineeColumnKind.Code, ProfileField.IndustrySection, IndustrySheet),
        new(IndustryDivision, "產業別細項", "輸入數字代號 參考產業別對照表", TraineeColumnKind.Code, ProfileField.IndustryDivision, IndustrySheet),
        new(Motivation, "您的參加培訓的動機為", "輸入代號 參考培訓動機頁籤", TraineeColumnKind.Code, ProfileField.Motivation, MotivationSheet),
    ];

    public static IReadOnlyList<string> Headers { get; } = Columns.Select(c => c.Header).ToList();

    /// <summary>The column a basic-data field is typed in; null for a field the workbook has no column for (工作內容, 就學學校, 就學科系).</summary>
    public static TraineeColumn? ColumnOf(ProfileField field) => Columns.FirstOrDefault(c => c.Field == field);

    /// <summary>A, B, … Z, AA … for a zero-based column index.</summary>
    public static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letter(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>
    /// Null when <paramref name="header"/> (the first row as read) is the template's A–W, optionally followed by
    /// 錯誤原因 (a rejected-rows workbook uploaded again); otherwise what is wrong, in words.
    /// </summary>
    public static string? CheckHeader(IReadOnlyList<string?> header)
    {
        var cells = header.Select(h => h?.Trim() ?? "").ToList();
        while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
        if (cells.Count == Columns.Count + 1 && cells[^1] == ReasonHeader) cells.RemoveAt(cells.Count - 1);
        for (var i = 0; i < Columns.Count; i++)
        {
            var found = i < cells.Count ? cells[i] : "";
            if (found != Columns[i].Header)
                return $"第1列的欄位與範本不符：{Letter(i)}欄應為「{Columns[i].Header}」，檔案中為「{(found.Length == 0 ? "空白" : found)}」。請下載範本，依範本的欄位填寫後再上傳。";
        }
        if (cells.Count > Columns.Count)
            return $"第1列的欄位與範本不符：W欄「{Columns[^1].Header}」之後不應再有欄位（{Letter(Columns.Count)}欄為「{cells[Columns.Count]}」）。請依範本的欄位填寫後再上傳。";
        return null;
    }
}
