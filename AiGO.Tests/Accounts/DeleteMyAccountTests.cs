using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Mail;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Tests.Accounts;

[Collection(AppCollection.Name)]
public class DeleteMyAccountTests(AppFixture app)
{
    [Fact]
    public async Task A_member_without_applications_deletes_the_account_with_its_uploaded_proofs()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, proof) = await MemberWithProofAsync(scope.ServiceProvider);

        var refused = await scope.ServiceProvider.GetRequiredService<DeleteMyAccount>().DeleteAsync(user);

        Assert.Null(refused);
        Assert.False(File.Exists(proof));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == user.Id));
        Assert.False(await db.LearningCredits.AnyAsync(c => c.UserId == user.Id));
    }

    [Fact]
    public async Task A_member_whose_application_is_still_under_way_is_told_to_cancel_or_wait_and_nothing_goes()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, proof) = await MemberWithProofAsync(scope.ServiceProvider);
        await AddApplicationAsync(user, ApplicationStatus.Approved, null);

        var refused = await scope.ServiceProvider.GetRequiredService<DeleteMyAccount>().DeleteAsync(user);

        Assert.Equal(DeleteMyAccount.StillUnderWay, refused);
        Assert.True(File.Exists(proof));
        await using var check = app.CreateDbContext();
        Assert.True(await check.Users.AnyAsync(u => u.Id == user.Id && u.Email == user.Email));
    }

    [Fact]
    public async Task A_member_with_only_a_cancelled_application_is_deleted_with_it_and_with_the_bodies_of_their_mails()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, _) = await MemberWithProofAsync(scope.ServiceProvider);
        var application = await AddApplicationAsync(user, ApplicationStatus.Cancelled, null);
        var (sent, waiting) = await MailsAsync(user.Email!);

        Assert.Null(await scope.ServiceProvider.GetRequiredService<DeleteMyAccount>().DeleteAsync(user));

        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == user.Id));
        Assert.False(await db.Applications.AnyAsync(a => a.Id == application));
        Assert.False(await db.Outbox.AnyAsync(m => m.Id == waiting));
        var kept = await db.Outbox.SingleAsync(m => m.Id == sent);
        Assert.Equal(("", ""), (kept.HtmlBody, kept.TextBody));
        Assert.NotNull(kept.BodyRemovedAt);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == DeleteMyAccount.DeleteAction && a.EntityId == user.Id));
    }

    [Fact]
    public async Task A_member_with_a_paid_subsidy_is_anonymised_keeping_the_subsidy_record_for_ten_years()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, proof) = await MemberWithProofAsync(scope.ServiceProvider);
        var email = user.Email!;
        var paidOn = new DateOnly(2026, 3, 31);
        var paid = await AddApplicationAsync(user, ApplicationStatus.Disbursed, paidOn);
        var cancelled = await AddApplicationAsync(user, ApplicationStatus.Cancelled, null);
        await using (var db = app.CreateDbContext())
        {
            var profile = new MemberProfile { UserId = user.Id, Name = "刪除測試", NationalId = AccountTestData.NewNationalId(), Birthday = new DateOnly(1990, 1, 1), Phone = "0266316666", Mobile = "0912345678", CompanyName = "資策會" };
            profile.ChangeIdentityType(IdentityType.Enterprise);
            scope.ServiceProvider.GetRequiredService<NationalIdProtector>().Seal(profile);
            db.MemberProfiles.Add(profile);
            await db.SaveChangesAsync();
        }

        Assert.Null(await scope.ServiceProvider.GetRequiredService<DeleteMyAccount>().DeleteAsync(user));

        await using var check = app.CreateDbContext();
        var kept = await check.Users.SingleAsync(u => u.Id == user.Id);
        Assert.Null(kept.Email);
        Assert.Null(kept.PasswordHash);
        Assert.True(kept.LockoutEnd > DateTimeOffset.UtcNow.AddYears(1000), $"locked until {kept.LockoutEnd}");
        Assert.Equal(paidOn.AddYears(10), kept.RetainUntil);
        Assert.False(await check.UserRoles.AnyAsync(r => r.UserId == user.Id));
        var profileKept = await check.MemberProfiles.SingleAsync(p => p.UserId == user.Id);
        Assert.Equal(("刪除測試", IdentityType.Enterprise, (string?)null, (string?)null, (string?)null), (profileKept.Name, profileKept.IdentityType, profileKept.Phone, profileKept.Mobile, profileKept.CompanyName));
        Assert.NotNull(profileKept.NationalIdCipher);
        Assert.True(await check.Applications.AnyAsync(a => a.Id == paid));
        Assert.False(await check.Applications.AnyAsync(a => a.Id == cancelled));
        Assert.False(await check.LearningCredits.AnyAsync(c => c.UserId == user.Id));
        Assert.False(File.Exists(proof));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }

    private async Task<int> AddApplicationAsync(AppUser user, ApplicationStatus status, DateOnly? disbursedOn)
    {
        await using var db = app.CreateDbContext();
        var course = await db.Courses.OrderBy(c => c.Id).FirstAsync();
        var application = TestData.Application(course, user, status, status == ApplicationStatus.Cancelled ? 0 : 4000);
        application.DisbursedOn = disbursedOn;
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<(Guid Sent, Guid Waiting)> MailsAsync(string address)
    {
        await using var db = app.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var sent = Outbox.Create(address, null, new MailContent("已寄出", "<p>身分證字號 A1****6138</p>", "身分證字號 A1****6138"), now);
        (sent.Status, sent.SentAt) = (OutboxStatus.Sent, now);
        var waiting = Outbox.Create(address, null, new MailContent("待寄出", "<p>內容</p>", "內容"), now);
        (waiting.Status, waiting.NextAttemptAt) = (OutboxStatus.Pending, now.AddDays(1));
        db.Outbox.AddRange(sent, waiting);
        await db.SaveChangesAsync();
        return (sent.Id, waiting.Id);
    }

    private async Task<(AppUser User, string ProofPath)> MemberWithProofAsync(IServiceProvider services)
    {
        var email = $"delete-{Guid.NewGuid():N}@example.tw";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "刪除測試" };
        Assert.True((await services.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, "a-long-password-1")).Succeeded);
        var uploads = services.GetRequiredService<UploadFolder>();
        var stored = uploads.NewFileName(".pdf");
        Directory.CreateDirectory(uploads.Path);
        await File.WriteAllBytesAsync(uploads.FullPath(stored), "%PDF-1.4"u8.ToArray());
        await using var db = app.CreateDbContext();
        db.LearningCredits.Add(new LearningCredit
        {
            UserId = user.Id, Source = CreditSource.UploadedProof, Title = "證書", Points = 1, Status = CreditStatus.Pending,
            SubmittedAt = DateTimeOffset.UtcNow, ProofOriginalName = "證書.pdf", ProofStoredName = stored, ProofContentType = "application/pdf", ProofSize = 8,
        });
        await db.SaveChangesAsync();
        return (user, uploads.FullPath(stored));
    }
}
