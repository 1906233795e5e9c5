using System.Text.RegularExpressions;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Common;

/// <summary>What the office may do to a code table: 身分別 is fixed, 性別's codes are fixed but renamable, the rest are open.</summary>
public enum CodeTableEditing { ReadOnly, LabelsOnly, Full }

/// <summary>
/// The code tables' rules (SPEC §10) in one place: their names, which may be edited, the shape of a new code, and
/// which stored records use a code (a code in use is retired, never deleted).
/// </summary>
public static partial class CodeTables
{
    public const int MaxNameLength = 30;

    /// <summary>The tables in the order the forms ask for them.</summary>
    public static readonly CodeTableKind[] All =
    [
        CodeTableKind.IdentityType, CodeTableKind.Gender, CodeTableKind.Residence, CodeTableKind.JobLevel, CodeTableKind.SpecialIdentity,
        CodeTableKind.Education, CodeTableKind.UnitSize, CodeTableKind.IndustrySection, CodeTableKind.IndustryDivision, CodeTableKind.Motivation,
    ];

    public static string Label(this CodeTableKind table) => table switch
    {
        CodeTableKind.IdentityType => "身分別",
        CodeTableKind.Gender => "性別",
        CodeTableKind.Residence => "在台居住地",
        CodeTableKind.JobLevel => "職級",
        CodeTableKind.SpecialIdentity => "特殊身份",
        CodeTableKind.Education => "最高學歷",
        CodeTableKind.UnitSize => "服務單位規模",
        CodeTableKind.Motivation => "培訓動機",
        CodeTableKind.IndustrySection => "產業別",
        CodeTableKind.IndustryDivision => "產業別細項",
        _ => table.ToString(),
    };

    /// <summary>
    /// 身分別 decides which fields apply (SPEC §4.2), so the rules fix it; 性別's 1 and 0 are what the national ID's
    /// second digit is checked against, so only their names may change.
    /// </summary>
    public static CodeTableEditing Editing(this CodeTableKind table) => table switch
    {
        CodeTableKind.IdentityType => CodeTableEditing.ReadOnly,
        CodeTableKind.Gender => CodeTableEditing.LabelsOnly,
        _ => CodeTableEditing.Full,
    };

    /// <summary>How a new code of the table is written, in words for the form.</summary>
    public static string FormatHint(this CodeTableKind table) => table switch
    {
        CodeTableKind.Residence or CodeTableKind.IndustryDivision => "兩位數字，例如 23",
        CodeTableKind.IndustrySection => "一個大寫英文字母，例如 T",
        _ => "一至兩位數字，例如 7",
    };

    /// <summary>Null when <paramref name="code"/> has the table's shape; otherwise why not.</summary>
    public static string? CheckCode(CodeTableKind table, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "請填寫代碼";
        var ok = table switch
        {
            CodeTableKind.Residence or CodeTableKind.IndustryDivision => TwoDigits().IsMatch(code),
            CodeTableKind.IndustrySection => Letter().IsMatch(code),
            _ => OneOrTwoDigits().IsMatch(code),
        };
        return ok ? null : $"{table.Label()}的代碼須為{table.FormatHint()}";
    }

    /// <summary>Null when <paramref name="name"/> can be a label; otherwise why not.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "請填寫名稱";
        return name.Trim().Length > MaxNameLength ? $"名稱不可超過{MaxNameLength}個字" : null;
    }

    /// <summary>
    /// How many records use each code of <paramref name="table"/>: the profile column that stores the table's codes,
    /// and for 在台居住地 also the courses held there (a course stores the city's name). A code no record uses is absent.
    /// </summary>
    public static async Task<Dictionary<string, int>> UsesAsync(AiGoDbContext db, CodeTableKind table, CancellationToken ct = default)
    {
        if (table == CodeTableKind.IdentityType)
        {
            var identities = await db.MemberProfiles.Where(p => p.IdentityType != null).GroupBy(p => p.IdentityType)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return identities.ToDictionary(g => ((int)g.Key!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count);
        }
        var uses = (await Column(db.MemberProfiles, table).Where(v => v != null).GroupBy(v => v)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key!, g => g.Count);
        if (table == CodeTableKind.Residence)
        {
            var codeOf = await db.Codes.Where(c => c.Table == CodeTableKind.Residence).ToDictionaryAsync(c => c.Name, c => c.Code, ct);
            var cities = await db.Courses.Where(c => c.City != null).GroupBy(c => c.City).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var city in cities)
                if (codeOf.TryGetValue(city.Key!, out var code)) uses[code] = uses.GetValueOrDefault(code) + city.Count;
        }
        return uses;
    }

    /// <summary>The profile column that stores <paramref name="table"/>'s codes.</summary>
    private static IQueryable<string?> Column(IQueryable<Accounts.MemberProfile> profiles, CodeTableKind table) => table switch
    {
        CodeTableKind.Gender => profiles.Select(p => p.Gender),
        CodeTableKind.Residence => profiles.Select(p => p.Residence),
        CodeTableKind.JobLevel => profiles.Select(p => p.JobLevel),
        CodeTableKind.SpecialIdentity => profiles.Select(p => p.SpecialIdentity),
        CodeTableKind.Education => profiles.Select(p => p.Education),
        CodeTableKind.UnitSize => profiles.Select(p => p.UnitSize),
        CodeTableKind.Motivation => profiles.Select(p => p.Motivation),
        CodeTableKind.IndustrySection => profiles.Select(p => p.IndustrySection),
        CodeTableKind.IndustryDivision => profiles.Select(p => p.IndustryDivision),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "no profile column stores this table"),
    };

    [GeneratedRegex(@"^\d{2}$")] private static partial Regex TwoDigits();
    [GeneratedRegex(@"^\d{1,2}$")] private static partial Regex OneOrTwoDigits();
    [GeneratedRegex(@"^[A-Z]$")] private static partial Regex Letter();
}
