using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Office;

/// <summary>One code as 代碼維護 lists it, with how many records use it.</summary>
public sealed record CodeRow(int Id, string Code, string Name, string? ParentCode, bool IsRetired, int Uses);

/// <summary>One code table as 代碼維護 shows it.</summary>
public sealed record CodeTableView(CodeTableKind Table, CodeTableEditing Editing, IReadOnlyList<CodeRow> Rows)
{
    public string Label => Table.Label();
}

/// <summary>
/// 代碼維護 — the office edits the code tables (SPEC §10, §12): rename, add, retire (停用) and restore, and delete a
/// code no record uses. A retired code is no longer offered by the forms, but records that hold it keep showing its
/// name. Every change is audited and tells open forms to read their choices again.
/// </summary>
public sealed class EditCodes(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work)
{
    public const string UpdateAction = "code.update", AddAction = "code.add", RetireAction = "code.retire", DeleteAction = "code.delete";

    public async Task<Outcome<IReadOnlyList<CodeTableView>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (OfficeAccess.Codes.Deny(actor, actor) is { } refused) return Outcome<IReadOnlyList<CodeTableView>>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = await db.Codes.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        var views = new List<CodeTableView>();
        foreach (var table in CodeTables.All)
        {
            var uses = await CodeTables.UsesAsync(db, table, ct);
            views.Add(new CodeTableView(table, table.Editing(), codes.Where(c => c.Table == table)
                .Select(c => new CodeRow(c.Id, c.Code, c.Name, c.ParentCode, c.IsRetired, uses.GetValueOrDefault(c.Code))).ToList()));
        }
        return Outcome<IReadOnlyList<CodeTableView>>.Success(views);
    }

    /// <summary>Renames a code; the records that hold it show the new name at once.</summary>
    public Task<Outcome> RenameAsync(Actor actor, int codeId, string name, CancellationToken ct = default) =>
        OnCodeAsync(actor, codeId, CodeTableEditing.LabelsOnly, async (scope, entry) =>
        {
            if (CodeTables.CheckName(name) is { } invalid) return Outcome.Invalid("name", invalid);
            var trimmed = name.Trim();
            if (trimmed == entry.Name) return Outcome.Ok;
            if (await NameTakenAsync(scope.Db, entry.Table, trimmed, entry.Id, ct)) return Outcome.Invalid("name", $"{entry.Table.Label()}已有名稱「{trimmed}」");
            // A course stores its city as the 在台居住地 name: it follows the rename.
            if (entry.Table == CodeTableKind.Residence)
                foreach (var course in await scope.Db.Courses.Where(c => c.City == entry.Name).ToListAsync(ct)) course.City = trimmed;
            scope.Audit(UpdateAction, nameof(CodeEntry), entry.Id, $"{entry.Table.Label()} {entry.Code}：名稱「{entry.Name}」改為「{trimmed}」");
            entry.Name = trimmed;
            return Outcome.Ok;
        }, ct);

    /// <summary>Adds a code at the end of its table; a division names its section.</summary>
    public async Task<Outcome> AddAsync(Actor actor, CodeTableKind table, string code, string name, string? parentCode = null, CancellationToken ct = default)
    {
        if (OfficeAccess.Codes.Deny(actor, actor) is { } refused) return refused;
        if (table.Editing() != CodeTableEditing.Full) return Outcome.Conflict(Fixed(table));
        var errors = new List<FieldError>();
        code = code?.Trim() ?? "";
        if (CodeTables.CheckCode(table, code) is { } badCode) errors.Add(new("code", badCode));
        if (CodeTables.CheckName(name) is { } badName) errors.Add(new("name", badName));
        if (table == CodeTableKind.IndustryDivision && string.IsNullOrWhiteSpace(parentCode)) errors.Add(new("parent", "請選擇所屬的產業別"));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        try
        {
            return await work.RunAsync(actor, async scope =>
            {
                var db = scope.Db;
                if (await db.Codes.AnyAsync(c => c.Table == table && c.Code == code, ct)) return Outcome.Invalid("code", $"{table.Label()}已有代碼「{code}」");
                if (await NameTakenAsync(db, table, name.Trim(), null, ct)) return Outcome.Invalid("name", $"{table.Label()}已有名稱「{name.Trim()}」");
                string? parent = null;
                if (table == CodeTableKind.IndustryDivision)
                {
                    parent = parentCode!.Trim();
                    if (!await db.Codes.AnyAsync(c => c.Table == CodeTableKind.IndustrySection && c.Code == parent, ct))
                        return Outcome.Invalid("parent", $"找不到產業別「{parent}」");
                }
                var order = await db.Codes.Where(c => c.Table == table).MaxAsync(c => (int?)c.SortOrder, ct) ?? 0;
                var entry = new CodeEntry { Table = table, Code = code, Name = name.Trim(), ParentCode = parent, SortOrder = order + 1 };
                db.Codes.Add(entry);
                await db.SaveChangesAsync(ct);
                scope.Audit(AddAction, nameof(CodeEntry), entry.Id, $"{table.Label()}：新增代碼 {code}「{entry.Name}」" + (parent is null ? "" : $"（產業別 {parent}）"));
                return Outcome.Ok;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same code at the same moment: the unique index keeps one.
            return Outcome.Invalid("code", $"{table.Label()}已有代碼「{code}」");
        }
    }

    /// <summary>停用 (or, with <paramref name="retired"/> false, 恢復使用): the forms stop (or start again) offering the code.</summary>
    public Task<Outcome> RetireAsync(Actor actor, int codeId, bool retired = true, CancellationToken ct = default) =>
        OnCodeAsync(actor, codeId, CodeTableEditing.Full, (scope, entry) =>
        {
            if (entry.IsRetired == retired) return Task.FromResult(Outcome.Ok);
            entry.IsRetired = retired;
            scope.Audit(RetireAction, nameof(CodeEntry), entry.Id, $"{entry.Table.Label()} {entry.Code}「{entry.Name}」：{(retired ? "停用" : "恢復使用")}");
            return Task.FromResult(Outcome.Ok);
        }, ct);

    /// <summary>Deletes a code no record uses; a code in use is refused, with how many use it, and can only be retired.</summary>
    public Task<Outcome> DeleteAsync(Actor actor, int codeId, CancellationToken ct = default) =>
        OnCodeAsync(actor, codeId, CodeTableEditing.Full, async (scope, entry) =>
        {
            var uses = (await CodeTables.UsesAsync(scope.Db, entry.Table, ct)).GetValueOrDefault(entry.Code);
            if (uses > 0)
                return Outcome.Conflict($"{entry.Table.Label()}「{entry.Name}」已有 {uses} 筆資料使用，不能刪除；如不再提供此選項，請改用「停用」。");
            if (entry.Table == CodeTableKind.IndustrySection
                && await scope.Db.Codes.CountAsync(c => c.Table == CodeTableKind.IndustryDivision && c.ParentCode == entry.Code, ct) is > 0 and var divisions)
                return Outcome.Conflict($"產業別「{entry.Name}」尚有 {divisions} 個細項，不能刪除；請先刪除其細項，或改用「停用」。");
            scope.Db.Codes.Remove(entry);
            scope.Audit(DeleteAction, nameof(CodeEntry), entry.Id, $"{entry.Table.Label()}：刪除代碼 {entry.Code}「{entry.Name}」");
            return Outcome.Ok;
        }, ct);

    private async Task<Outcome> OnCodeAsync(Actor actor, int codeId, CodeTableEditing needs, Func<ChangeScope, CodeEntry, Task<Outcome>> act, CancellationToken ct)
    {
        if (OfficeAccess.Codes.Deny(actor, actor) is { } refused) return refused;
        return await work.RunAsync(actor, async scope =>
        {
            var entry = await scope.Db.Codes.SingleOrDefaultAsync(c => c.Id == codeId, ct);
            if (entry is null) return Outcome.NotFound("找不到此代碼");
            if (entry.Table.Editing() < needs) return Outcome.Conflict(Fixed(entry.Table));
            return await act(scope, entry);
        }, ct);
    }

    private static Task<bool> NameTakenAsync(AiGoDbContext db, CodeTableKind table, string name, int? except, CancellationToken ct) =>
        db.Codes.AnyAsync(c => c.Table == table && c.Name == name && c.Id != except, ct);

    private static string Fixed(CodeTableKind table) => table.Editing() == CodeTableEditing.ReadOnly
        ? $"{table.Label()}由補助規則決定，不能修改"
        : $"{table.Label()}的代碼由身分證字號規則決定，只能修改名稱";
}
