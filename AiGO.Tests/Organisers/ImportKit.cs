using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Import;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiGO.Tests.Organisers;

/// <summary>A trainee as the import test knows them: the account, and the national ID typed in their profile.</summary>
internal sealed record ImportMember(AppUser User, string NationalId, DateOnly Birthday);

/// <summary>Builds what import tests need: trainees with the Trainee role, the code tables, and workbooks filled in code.</summary>
internal static class ImportKit
{
    public static TraineeWorkbookReader Reader(ImportOptions? options = null) => new(Options.Create(options ?? new ImportOptions()));

    /// <summary>The code tables as the app seeds them, and the Trainee role.</summary>
    public static async Task SeedAsync(ApplicationsKit kit)
    {
        await using var db = kit.Db();
        var order = 0;
        foreach (var seed in CodeTableSeed.All)
            db.Codes.Add(new CodeEntry { Table = seed.Table, Code = seed.Code, Name = seed.Name, ParentCode = seed.ParentCode, SortOrder = ++order });
        db.Roles.Add(new IdentityRole(Roles.Trainee) { Id = "role-trainee", NormalizedName = Roles.Trainee.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }

    /// <summary>An account for a staff actor (history and audit rows name their actor's account).</summary>
    public static async Task<Actor> StaffAsync(ApplicationsKit kit, Actor staff)
    {
        var user = TestData.Member($"{staff.Id}@example.tw");
        user.Id = staff.Id!;
        user.DisplayName = staff.Name;
        await using var db = kit.Db();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return staff;
    }

    /// <summary>A trainee account with a saved profile (its national ID), confirmed e-mail and verified credits.</summary>
    public static async Task<ImportMember> TraineeAsync(ApplicationsKit kit, string email, int credits = 2, bool confirmed = true, DateOnly? birthday = null)
    {
        var user = TestData.Member(email);
        user.EmailConfirmed = confirmed;
        var id = Accounts.AccountTestData.NewNationalId();
        var born = birthday ?? new DateOnly(1990, 1, 1);
        var profile = new MemberProfile { UserId = user.Id, Name = "舊名字", NationalId = id, Birthday = born, UpdatedAt = kit.Clock.GetUtcNow() };
        kit.Protector.Seal(profile);
        await using var db = kit.Db();
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "role-trainee" });
        db.MemberProfiles.Add(profile);
        if (credits > 0)
            db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Title = "線上課程", Points = credits, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = kit.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return new ImportMember(user, id, born);
    }

    /// <summary>
    /// Many trainees saved together, as <see cref="TraineeAsync"/> makes one: each with a national ID of its own
    /// (C1 or C2, then its index, then the check digit), so none is taken twice however many there are.
    /// </summary>
    public static async Task<List<ImportMember>> TraineesAsync(ApplicationsKit kit, string tag, int count)
    {
        var members = new List<ImportMember>(count);
        var born = new DateOnly(1990, 1, 1);
        await using var db = kit.Db();
        for (var i = 0; i < count; i++)
        {
            var user = TestData.Member($"{tag}{i:0000}@example.tw");
            var body = $"C{1 + i % 2}{i:D7}";
            var id = Enumerable.Range(0, 10).Select(d => body + d).First(candidate => NationalId.Parse(candidate).IsValid);
            var profile = new MemberProfile { UserId = user.Id, Name = "舊名字", NationalId = id, Birthday = born, UpdatedAt = kit.Clock.GetUtcNow() };
            kit.Protector.Seal(profile);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = "role-trainee" });
            db.MemberProfiles.Add(profile);
            db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Title = "線上課程", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = kit.Clock.GetUtcNow() });
            members.Add(new ImportMember(user, id, born));
        }
        await db.SaveChangesAsync();
        return members;
    }

    /// <summary>A complete row for an enterprise employee (身分別 1), A–W; change cells with <paramref name="change"/>.</summary>
    public static object?[] Row(int number, string name, ImportMember m, Action<object?[]>? change = null) =>
        Row(number, name, m.NationalId, m.User.Email!, m.Birthday.ToString("yyyy-MM-dd"), change);

    public static object?[] Row(int number, string name, string nationalId, string email, object birthday, Action<object?[]>? change = null)
    {
        var gender = nationalId[1] == '1' ? "1" : "0";
        object?[] row = [number, name, nationalId, birthday, email, "1", gender, "04231910", "某某科技股份有限公司", "資訊部", "工程師",
            "0266316666", "", "0912345678", 3, "01", "1", "0", "4", "2", "J", "62", "1"];
        change?.Invoke(row);
        return row;
    }

    /// <summary>The template as the app writes it, with <paramref name="rows"/> typed under the 說明 row.</summary>
    public static byte[] Filled(IReadOnlyList<CodeEntry> codes, IEnumerable<object?[]> rows)
    {
        using var template = new MemoryStream();
        TraineeWorkbook.Write(template, codes, [], 200);
        return Fill(template.ToArray(), rows);
    }

    /// <summary>
    /// Types rows into the first sheet of a workbook: a string as text, an int or a double as a number, a DateTime as
    /// an Excel date (its serial number in a date-formatted cell), a <see cref="Formula"/> as a formula with its cached value.
    /// </summary>
    public static byte[] Fill(byte[] workbook, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var part = document.WorkbookPart!;
            var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!;
            formats.Append(new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true });
            var dateStyle = (uint)formats.Count() - 1;
            formats.Count = (uint)formats.Count();
            var sheetId = part.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!;
            var data = ((WorksheetPart)part.GetPartById(sheetId)).Worksheet.GetFirstChild<SheetData>()!;
            var index = (uint)data.Elements<Row>().Count();
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = ++index };
                for (var c = 0; c < values.Length; c++)
                {
                    var reference = $"{TraineeSheet.Letter(c)}{index}";
                    Cell? cell = values[c] switch
                    {
                        null or "" => null,
                        string s => new Cell(new InlineString(new Text(s))) { DataType = CellValues.InlineString },
                        int n => new Cell(new CellValue(n)) { DataType = CellValues.Number },
                        double d => new Cell(new CellValue(d)) { DataType = CellValues.Number },
                        DateTime d => new Cell(new CellValue(d.ToOADate())) { DataType = CellValues.Number, StyleIndex = dateStyle },
                        Formula f => new Cell(new CellFormula(f.Expression), new CellValue(f.Cached)) { DataType = CellValues.String },
                        var other => throw new ArgumentException($"cannot type {other}"),
                    };
                    if (cell is null) continue;
                    cell.CellReference = reference;
                    row.Append(cell);
                }
                data.Append(row);
            }
        }
        return stream.ToArray();
    }

    public sealed record Formula(string Expression, string Cached);

    public static async Task<IReadOnlyList<CodeEntry>> LiveCodesAsync(ApplicationsKit kit)
    {
        await using var db = kit.Db();
        return await db.Codes.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Table).ThenBy(c => c.SortOrder).ToListAsync();
    }

    /// <summary>An application already held, so the member's cap for the year is partly used.</summary>
    public static async Task HoldAsync(ApplicationsKit kit, ImportMember member, Course course, int subsidy)
    {
        await using var db = kit.Db();
        var other = TestData.Course((await db.Organisers.FindAsync(course.OrganiserId))!, $"他課{Guid.NewGuid():N}", course.StartDate, fee: 100_000);
        other.GovernmentShare = 50_000;
        other.TraineeShare = 50_000;
        db.Courses.Add(other);
        await db.SaveChangesAsync();
        db.Applications.Add(TestData.Application(other, member.User, ApplicationStatus.Approved, subsidy));
        await db.SaveChangesAsync();
    }
}
