using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Import;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Import;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static AiGO.Tests.Organisers.ImportKit;

namespace AiGO.Tests.Organisers;

/// <summary>匯入學員 (SPEC §7): the template filled in code, a dry run, the import, and the rejected rows' workbook.</summary>
public class TraineeImportTests
{
    private const int Seats = 50;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_hundred_rows_round_trip_imports_exactly_the_valid_ones_within_the_seats_and_the_cap(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await SeedAsync(kit);
        var course = await kit.CourseAsync("AI應用實務", kit.Today.AddDays(30), seats: Seats);
        var organiser = await StaffAsync(kit, TestData.OrganiserActor(course.OrganiserId));
        var rows = new List<object?[]>();
        var expected = new Dictionary<int, string>(); // sheet row → a reason the rejected row must give
        var valid = new List<ImportMember>();
        int Next() => rows.Count + 3; // data starts under the header and the 說明 row

        async Task<ImportMember> Member(string tag, int credits = 2, bool confirmed = true, DateOnly? birthday = null) =>
            await TraineeAsync(kit, $"{tag}{rows.Count:000}@example.tw", credits, confirmed, birthday);
        async Task Valid(Func<ImportMember, object?[]>? make = null)
        {
            var m = await Member("ok");
            valid.Add(m);
            rows.Add(make?.Invoke(m) ?? Row(rows.Count + 1, $"學員{rows.Count + 1}", m));
        }
        async Task Invalid(string reason, Func<ImportMember, object?[]> make, ImportMember? member = null)
        {
            expected[Next()] = reason;
            rows.Add(make(member ?? await Member("bad")));
        }

        // Dates as people type them: ISO, an Excel date cell, its bare serial number, and the 民國 forms.
        await Valid(m => Row(1, "王大明", m.NationalId, m.User.Email!, new DateTime(1990, 1, 1)));
        await Valid(m => Row(2, "李小華", m.NationalId, m.User.Email!, new DateTime(1990, 1, 1).ToOADate()));
        await Valid(m => Row(3, "陳志堅", m.NationalId, m.User.Email!, "79/01/01"));
        await Valid(m => Row(4, "林怡君", m.NationalId, m.User.Email!, "079-01-01"));
        var capped = await Member("cap");
        await HoldAsync(kit, capped, course, 18_000);
        valid.Add(capped);
        rows.Add(Row(5, "額度將滿", capped));
        var capUsed = await Member("capused");
        await HoldAsync(kit, capUsed, course, 20_000);

        await Invalid("找不到以此E-mail登入的AIGO帳號", m => Row(0, "無帳號", m.NationalId, "nobody1@example.tw", "1990-01-01"));
        await Invalid("找不到以此E-mail登入的AIGO帳號", m => Row(0, "無帳號", m.NationalId, "nobody2@example.tw", "1990-01-01"));
        await Invalid("身分證字號", m => Row(0, "檢查碼錯", m, r => r[2] = m.NationalId[..9] + (char)('0' + (m.NationalId[9] - '0' + 1) % 10)));
        await Invalid("不是日期", m => Row(0, "日期錯", m, r => r[3] = "1990-13-45"));
        await Invalid("不是日期", m => Row(0, "日期錯", m, r => r[3] = "明年"));
        await Invalid("行動電話", m => Row(0, "手機錯", m, r => r[13] = "12345"));
        await Invalid("在台居住地的代碼「77」不存在", m => Row(0, "代碼錯", m, r => r[15] = "77"));
        await Invalid("請填寫服務單位", m => Row(0, "缺公司", m, r => r[8] = ""));
        await Invalid("產業別細項不屬於所選的產業別", m => Row(0, "細項錯", m, r => r[21] = "01"));
        await Invalid("不是整數", m => Row(0, "年資錯", m, r => r[14] = "三年"));
        await Invalid("身分別的代碼「9」不存在", m => Row(0, "身分別錯", m, r => r[5] = "9"));
        await Invalid("年滿20歲", m => Row(0, "未滿二十", m), await Member("young", birthday: kit.Today.AddYears(-19)));
        await Invalid("學習積分", m => Row(0, "積分不足", m), await Member("credit", credits: 1));
        await Invalid("信箱尚未驗證", m => Row(0, "未驗證", m), await Member("unconfirmed", confirmed: false));
        await Invalid("與此E-mail帳號的會員資料中的身分證字號不符", m => Row(0, "冒用", Accounts.AccountTestData.NewNationalId(), m.User.Email!, "1990-01-01"));
        await Invalid("補助額度已用完", m => Row(0, "額度用完", m), capUsed);
        var applied = await Member("applied");
        await kit.ApplyAsync(applied.User, course);
        await Invalid("您已申請過本課程", m => Row(0, "已申請過", m), applied);
        // Duplicates inside the file: the same e-mail again, and another e-mail with the same national ID.
        var twice = valid[0];
        await Invalid("與第3列的E-mail重複", _ => Row(0, "重複一次", twice));
        await Invalid("與第3列的E-mail重複", _ => Row(0, "重複兩次", twice));
        await Invalid("與第4列的身分證字號重複", m => Row(0, "同一個人", valid[1].NationalId, m.User.Email!, "1990-01-01"));
        while (rows.Count < 100) await Valid();

        var codes = await LiveCodesAsync(kit);
        var read = Reader().Read(new MemoryStream(Filled(codes, rows)));
        Assert.Null(read.Refusal);
        Assert.Equal(100, read.Rows.Count);
        var import = kit.Get<ImportTrainees>();

        var preview = (await import.PreviewAsync(organiser, course.Id, read.Rows)).Value!;

        // Each rejected row with its reasons, so a failure says which rule refused what.
        Assert.Equal(expected.Keys.Order().Select(n => n.ToString()),
            preview.Rejected.Select(r => expected.ContainsKey(r.RowNumber) ? r.RowNumber.ToString() : $"{r.RowNumber}: {string.Join("；", r.Problems.Select(p => p.Text))}"));
        Assert.All(preview.Rejected, r => Assert.Contains(expected[r.RowNumber], string.Join("；", r.Problems.Select(p => p.Text))));
        Assert.Equal(valid.Count, preview.AcceptedCount);
        var seatsLeft = Seats - 1; // the member who applied in the wizard holds one
        Assert.Equal(Enumerable.Repeat(ImportRowOutcome.Seat, seatsLeft).Concat(Enumerable.Repeat(ImportRowOutcome.Waitlist, valid.Count - seatsLeft)),
            preview.Rows.Where(r => r.Accepted).Select(r => r.Outcome));
        var cappedRow = preview.Rows.Single(r => r.Email == capped.User.Email);
        Assert.Equal((5000 - 3000, 2000, 0), (cappedRow.Subsidy, cappedRow.CapBefore, cappedRow.CapAfter));
        Assert.Equal((5000, 20_000, 15_000), (preview.Rows[0].Subsidy, preview.Rows[0].CapBefore, preview.Rows[0].CapAfter));
        await using (var db = kit.Db()) Assert.Equal(1, await db.Applications.CountAsync(a => a.CourseId == course.Id)); // a dry run writes nothing

        var progress = new List<int>();
        var applied100 = await import.ApplyAsync(organiser, course.Id, read.Rows, consentsCollected: true, new SyncProgress(progress.Add));

        Assert.True(applied100.Succeeded, applied100.Message);
        var report = applied100.Value!;
        Assert.Equal(preview.Rows.Select(r => (r.RowNumber, r.Outcome, r.Subsidy)), report.Rows.Select(r => (r.RowNumber, r.Outcome, r.Subsidy)));
        Assert.Equal(valid.Count, progress[^1]);
        await using (var db = kit.Db())
        {
            var stored = await db.Applications.AsNoTracking().Where(a => a.CourseId == course.Id && a.MemberId != applied.User.Id).ToListAsync();
            Assert.Equal(valid.Select(m => m.User.Id).Order(), stored.Select(a => a.MemberId).Order());
            Assert.Equal(Seats, await db.Applications.CountAsync(a => a.CourseId == course.Id && a.Status == ApplicationStatus.Approved));
            Assert.Equal(valid.Count - seatsLeft, stored.Count(a => a.Status == ApplicationStatus.Waitlisted));
            Assert.Equal(2000, stored.Single(a => a.MemberId == capped.User.Id).Subsidy);
            var held = await db.Applications.Where(a => ApplicationStatuses.HoldingMoney.Contains(a.Status)).GroupBy(a => a.MemberId).Select(g => g.Sum(a => a.Subsidy)).ToListAsync();
            Assert.All(held, sum => Assert.True(sum <= 20_000));
            // The history says the organiser acted for the member.
            var history = await db.StatusChanges.AsNoTracking().Where(h => stored.Select(a => a.Id).Contains(h.ApplicationId)).ToListAsync();
            Assert.Equal(valid.Count, history.Count);
            Assert.All(history, h => Assert.Equal((organiser.Id, organiser.Name), (h.ActorId, h.ActorName)));
            Assert.All(history, h => Assert.Contains($"由{organiser.Name}匯入學員名單，代學員申請", h.Reason));
            // The row's basic data is the member's now, as the wizard would have saved it.
            var first = await db.MemberProfiles.AsNoTracking().SingleAsync(p => p.UserId == valid[0].User.Id);
            Assert.Equal(("王大明", "某某科技股份有限公司", new DateOnly(1990, 1, 1)), (first.Name, first.CompanyName, first.Birthday));
            Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == ImportTrainees.AuditAction));
        }

        // The rejected rows come back as a workbook the organiser can fix and upload again.
        using var file = new MemoryStream();
        TraineeWorkbook.Write(file, codes, report.Rejected, 200);
        var again = Reader().Read(new MemoryStream(file.ToArray()));
        Assert.Null(again.Refusal);
        Assert.Equal(report.Rejected.Select(r => r.Cells.Cell(TraineeSheet.Email)), again.Rows.Select(r => r.Cell(TraineeSheet.Email)));
        Assert.All(again.Rows.Zip(report.Rejected), pair => Assert.Contains(expected[pair.Second.RowNumber], pair.First.Cell(TraineeSheet.Columns.Count)));
        var comments = Comments(file.ToArray());
        var dateRow = report.Rejected.First(r => expected[r.RowNumber] == "不是日期");
        var sheetRow = report.Rejected.ToList().IndexOf(dateRow) + 3;
        Assert.Contains("不是日期", comments[$"D{sheetRow}"]);
        var mismatchRow = report.Rejected.ToList().FindIndex(r => expected[r.RowNumber].Contains("不符")) + 3;
        Assert.Contains("不符", comments[$"C{mismatchRow}"]);
    }

    /// <summary>
    /// An import writes in batches inside its one transaction (each batch leaves the change tracker once saved): the
    /// row after a batch's end, saved alone, is written exactly as the first rows are.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_import_larger_than_one_save_writes_every_row_its_history_its_mails_and_its_profile(DatabaseProvider provider)
    {
        const int count = ImportTrainees.SaveEvery + 1, seats = ImportTrainees.SaveEvery * 3 / 5; // a full batch and 1; the seats run out inside the first
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        await SeedAsync(kit);
        var course = await kit.CourseAsync("AI大型班", kit.Today.AddDays(30), seats: seats);
        var organiser = await StaffAsync(kit, TestData.OrganiserActor(course.OrganiserId));
        var members = await TraineesAsync(kit, "bulk", count);
        var read = Reader().Read(new MemoryStream(Filled(await LiveCodesAsync(kit), members.Select((m, i) => Row(i + 1, $"學員{i:0000}", m)))));
        Assert.Null(read.Refusal);

        var progress = new List<int>();
        var outcome = await kit.Get<ImportTrainees>().ApplyAsync(organiser, course.Id, read.Rows, consentsCollected: true, new SyncProgress(progress.Add));

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(count, outcome.Value!.AcceptedCount);
        Assert.Equal([ImportTrainees.SaveEvery, count], progress.Distinct());
        await using var db = kit.Db();
        var stored = await db.Applications.AsNoTracking().Where(a => a.CourseId == course.Id).ToDictionaryAsync(a => a.MemberId);
        Assert.Equal(members.Select(m => m.User.Id).Order(), stored.Keys.Order());
        Assert.Equal(seats, stored.Values.Count(a => a.Status == ApplicationStatus.Approved));
        // The waitlist is in file order across the batches: the row after the seats is 備取第1位, the last row (saved alone) the last in line.
        Assert.Equal(Enumerable.Range(1, count - seats).Select(p => $"名額已滿，備取第{p}位（由{organiser.Name}匯入學員名單，代學員申請）"),
            (await db.StatusChanges.AsNoTracking().Where(h => h.To == ApplicationStatus.Waitlisted).OrderBy(h => h.ApplicationId).Select(h => h.Reason).ToListAsync()));
        var history = await db.StatusChanges.AsNoTracking().ToListAsync();
        Assert.Equal(stored.Values.Select(a => a.Id).Order(), history.Select(h => h.ApplicationId).Order());
        Assert.All(history, h => Assert.Equal((organiser.Id, organiser.Name), (h.ActorId, h.ActorName)));
        // Every mail is in the outbox: the member's and the organiser's for a seat, the member's for 備取.
        var mails = await db.Outbox.AsNoTracking().Select(m => new { m.ToAddress, m.Subject }).ToListAsync();
        Assert.Equal(2 * seats + (count - seats), mails.Count);
        Assert.All(members, m => Assert.Single(mails, mail => mail.ToAddress == m.User.Email));
        Assert.Equal(seats, mails.Count(m => m.ToAddress == course.OrganiserEmail));
        // Each member's basic data is the row's now, with the national ID sealed again, and the account's name follows.
        var profiles = await db.MemberProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId);
        var names = await db.Users.AsNoTracking().Where(u => u.Email!.StartsWith("bulk")).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Assert.All(members.Select((m, i) => (m, i)), x =>
        {
            var saved = profiles[x.m.User.Id];
            Assert.Equal(($"學員{x.i:0000}", "某某科技股份有限公司", x.m.NationalId), (saved.Name, saved.CompanyName, kit.Protector.Unprotect(saved.NationalIdCipher)));
            Assert.Equal(saved.Name, names[x.m.User.Id]);
        });
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == ImportTrainees.AuditAction));
    }

    [Fact]
    public void Dates_may_be_typed_in_the_iso_form_as_an_excel_serial_or_in_the_roc_forms()
    {
        var expected = new DateOnly(1990, 1, 1);
        Assert.All(["1990-01-01", "1990/1/1", "19900101", "32874", "79/01/01", "079-01-01", "79.1.1", "民國79年1月1日"],
            text => Assert.Equal(expected, ImportDate.Parse(text)));
        Assert.All(["1990-02-30", "79/13/01", "abc", "", "0"], text => Assert.Null(ImportDate.Parse(text)));
    }

    internal static Dictionary<string, string> Comments(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var part = document.WorkbookPart!;
        var sheet = (WorksheetPart)part.GetPartById(part.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        Assert.NotNull(sheet.VmlDrawingParts.SingleOrDefault());
        return sheet.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
    }

    /// <summary>Reports on the caller's thread, so the test sees every report before the call returns.</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
