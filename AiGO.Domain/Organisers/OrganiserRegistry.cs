using System.ComponentModel.DataAnnotations;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Domain.Organisers;

/// <summary>What the office types for a 開課單位.</summary>
public sealed record OrganiserInput(string Name, string? BusinessNumber, string ContactName, string ContactPhone, string ContactEmail);

/// <summary>One staff account of a 開課單位, as the office's list shows it.</summary>
public sealed record StaffAccount(string UserId, string Name, string Email, bool PasswordSet, bool Disabled);

/// <summary>A 開課單位 with its staff accounts and how many courses it has.</summary>
public sealed record OrganiserEntry(Organiser Organiser, int Courses, IReadOnlyList<StaffAccount> Staff);

/// <summary>Who may keep the 開課單位 register and its staff accounts: the office.</summary>
public static class OrganiserAccess
{
    public static readonly Permission<Actor> Manage =
        new("organiser.manage", (a, _) => a.IsOffice, "只有計畫辦公室可以管理開課單位");
}

/// <summary>開課單位 accounts (管理中心): the register of training providers, each checked once, here.</summary>
public sealed class OrganiserRegistry(IDbContextFactory<AiGoDbContext> dbFactory, UnitOfWork work, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<OrganiserEntry>>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        if (OrganiserAccess.Manage.Deny(actor, actor) is { } refused) return Outcome<IReadOnlyList<OrganiserEntry>>.From(refused);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organisers = await db.Organisers.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        var courses = await db.Courses.GroupBy(c => c.OrganiserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var now = clock.GetUtcNow();
        var staff = await db.Users.AsNoTracking().Where(u => u.OrganiserId != null)
            .Select(u => new { u.OrganiserId, u.Id, u.DisplayName, u.Email, u.PasswordHash, u.LockoutEnd }).ToListAsync(ct);
        return Outcome<IReadOnlyList<OrganiserEntry>>.Success(organisers.Select(o => new OrganiserEntry(o, courses.GetValueOrDefault(o.Id),
            staff.Where(s => s.OrganiserId == o.Id).OrderBy(s => s.Email)
                .Select(s => new StaffAccount(s.Id, s.DisplayName, s.Email ?? "", s.PasswordHash is not null, s.LockoutEnd > now)).ToList())).ToList());
    }

    /// <summary>Adds a 開課單位 (<paramref name="organiserId"/> null) or saves the one given.</summary>
    public async Task<Outcome<int>> SaveAsync(Actor actor, int? organiserId, OrganiserInput input, CancellationToken ct = default)
    {
        if (OrganiserAccess.Manage.Deny(actor, actor) is { } refused) return Outcome<int>.From(refused);
        var (errors, number) = Validate(input);
        if (errors.Count > 0) return Outcome<int>.From(Outcome.Invalid(errors));
        var id = 0;
        var outcome = await work.RunAsync(actor, async s =>
        {
            var organiser = organiserId is { } existing ? await s.Db.Organisers.SingleOrDefaultAsync(o => o.Id == existing, s.Ct) : new Organiser();
            if (organiser is null) return Outcome.NotFound("找不到此開課單位");
            var name = input.Name.Trim();
            if (await s.Db.Organisers.AnyAsync(o => o.Id != organiser.Id && o.Name == name, s.Ct))
                return Outcome.Invalid(nameof(OrganiserInput.Name), "已有同名的開課單位");
            if (number is not null && await s.Db.Organisers.AnyAsync(o => o.Id != organiser.Id && o.BusinessNumber == number, s.Ct))
                return Outcome.Invalid(nameof(OrganiserInput.BusinessNumber), "此統一編號已登錄於其他開課單位");
            var before = organiser.Id == 0 ? null : $"{organiser.Name}／{organiser.BusinessNumber}／{organiser.ContactName}／{organiser.ContactPhone}／{organiser.ContactEmail}";
            (organiser.Name, organiser.BusinessNumber, organiser.ContactName, organiser.ContactPhone, organiser.ContactEmail) =
                (name, number, input.ContactName.Trim(), Phone(input.ContactPhone)!, input.ContactEmail.Trim());
            if (organiser.Id == 0) s.Db.Organisers.Add(organiser);
            await s.Db.SaveChangesAsync(s.Ct);
            id = organiser.Id;
            s.Audit(before is null ? "organiser.create" : "organiser.update", nameof(Organiser), organiser.Id,
                before is null ? $"新增開課單位「{organiser.Name}」（統一編號 {organiser.BusinessNumber}）" : $"{before} → {organiser.Name}／{organiser.BusinessNumber}／{organiser.ContactName}／{organiser.ContactPhone}／{organiser.ContactEmail}");
            return null;
        }, ct);
        return outcome.Succeeded ? Outcome<int>.Success(id) : Outcome<int>.From(outcome);
    }

    /// <summary>A landline or a mobile number, stored as digits only.</summary>
    private static string? Phone(string? input) =>
        PhoneNumbers.ParseLandline(input) is { IsValid: true } landline ? landline.Value : PhoneNumbers.ParseMobile(input).Value;

    /// <summary>Each field's problem, and the 統一編號 in its canonical form when it is valid.</summary>
    public static (IReadOnlyList<FieldError> Errors, string? BusinessNumber) Validate(OrganiserInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new(nameof(input.Name), "請填寫開課單位名稱"));
        else if (input.Name.Trim().Length > 100) errors.Add(new(nameof(input.Name), "開課單位名稱限100字以內"));
        string? number = null;
        var parsed = Common.BusinessNumber.Parse(input.BusinessNumber);
        if (!parsed.IsValid) errors.Add(new(nameof(input.BusinessNumber), parsed.Error));
        else if (parsed.Value!.IsNone) errors.Add(new(nameof(input.BusinessNumber), "開課單位須填寫統一編號"));
        else number = parsed.Value.Value;
        if (string.IsNullOrWhiteSpace(input.ContactName)) errors.Add(new(nameof(input.ContactName), "請填寫聯絡人"));
        else if (input.ContactName.Trim().Length > 50) errors.Add(new(nameof(input.ContactName), "聯絡人限50字以內"));
        var landline = PhoneNumbers.ParseLandline(input.ContactPhone);
        if (!landline.IsValid && !PhoneNumbers.ParseMobile(input.ContactPhone).IsValid) errors.Add(new(nameof(input.ContactPhone), landline.Error));
        if (string.IsNullOrWhiteSpace(input.ContactEmail) || !new EmailAddressAttribute().IsValid(input.ContactEmail.Trim()))
            errors.Add(new(nameof(input.ContactEmail), "請填寫正確的聯絡信箱，例如name@example.com"));
        return (errors, number);
    }
}
