using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
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
    public async Task A_member_with_a_subsidy_application_is_sent_to_the_programme_office()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, proof) = await MemberWithProofAsync(scope.ServiceProvider);
        await using (var db = app.CreateDbContext())
        {
            var course = await db.Courses.FirstAsync();
            db.Applications.Add(TestData.Application(course, user, ApplicationStatus.Cancelled, 0));
            await db.SaveChangesAsync();
        }

        var refused = await scope.ServiceProvider.GetRequiredService<DeleteMyAccount>().DeleteAsync(user);

        Assert.Equal(DeleteMyAccount.HasApplications, refused);
        Assert.True(File.Exists(proof));
        await using var check = app.CreateDbContext();
        Assert.True(await check.Users.AnyAsync(u => u.Id == user.Id));
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
