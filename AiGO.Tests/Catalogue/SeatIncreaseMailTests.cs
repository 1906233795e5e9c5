using System.Diagnostics;
using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace AiGO.Tests.Catalogue;

/// <summary>
/// 課程維護: a seat the office adds is a freed place, and the member it promotes is mailed at once. The real app runs
/// with an outbox poll of one hour, so only the wake-up that the seat change gives the mail sender can explain a
/// delivery within seconds.
/// </summary>
public class SeatIncreaseMailTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_seat_added_by_the_office_mails_the_promoted_member_and_the_organiser_without_waiting_for_the_outbox_poll()
    {
        var app = new AppFixture(new Dictionary<string, string> { ["Mail:PollInterval"] = "01:00:00" });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var services = app.Services;
            var templates = services.GetRequiredService<MailTemplates>();
            var save = services.GetRequiredService<SaveCourse>();

            // A course of one of the demo's organisers, with one seat.
            int courseId;
            await using (var db = app.CreateDbContext())
            {
                var organiser = await db.Organisers.OrderBy(o => o.Id).FirstAsync();
                var draft = TestData.Course(organiser, "加開名額測試課程", TimeProvider.System.Today().AddDays(30), seats: 1);
                draft.Organiser = null!;
                draft.OrganiserId = organiser.Id;
                var created = await save.CreateAsync(TestData.Office, draft);
                Assert.True(created.Succeeded, created.Message);
                courseId = created.Value;
            }

            // One member takes the seat; the next is waitlisted.
            var holder = await MemberAsync(app, "林佔位");
            var waiting = await MemberAsync(app, "陳候補");
            Assert.Equal(ApplicationStatus.Approved, (await ApplyAsync(app, holder, courseId)).Status);
            var queued = await ApplyAsync(app, waiting, courseId);
            Assert.Equal((ApplicationStatus.Waitlisted, 1), (queued.Status, queued.WaitlistPosition));

            // The submissions woke the sender (as did its first pass at start-up): let it deliver their mails and fall
            // asleep again on its one-hour poll.
            await app.Smtp.WaitForAsync(m => To(m, waiting.Email!) && m.Subject == templates.ApplicationWaitlisted(waiting.DisplayName, "加開名額測試課程", 1).Subject);
            await Task.Delay(TimeSpan.FromSeconds(2));

            // Proof that it sleeps: a mail put in the outbox without waking the sender stays there.
            const string probe = "probe@example.tw";
            await using (var db = app.CreateDbContext())
            {
                db.Outbox.Add(Outbox.Create(probe, null, templates.Welcome("探針"), DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.DoesNotContain(app.Smtp.Messages, m => To(m, probe));

            // The office raises the seats to two.
            Course edited;
            await using (var db = app.CreateDbContext())
                edited = await db.Courses.AsNoTracking().Include(c => c.Organiser).SingleAsync(c => c.Id == courseId);
            edited.PlannedSeats = 2;
            var clock = Stopwatch.StartNew();
            var saved = await save.UpdateAsync(TestData.Office, edited);
            Assert.True(saved.Succeeded, saved.Message);

            var promotedSubject = templates.ApplicationPromoted(waiting.DisplayName, edited.Name, edited.RegistrationUrl, edited.ContactName, edited.ContactPhone, edited.ContactEmail).Subject;
            var promoted = await app.Smtp.WaitForAsync(m => To(m, waiting.Email!) && m.Subject == promotedSubject, Prompt);
            Assert.Contains("「加開名額測試課程」有名額釋出", promoted.TextBody ?? "");
            var toOrganiser = await app.Smtp.WaitForAsync(m => To(m, edited.OrganiserEmail) && m.TextBody is { } text && text.Contains("陳候補已申請參加「加開名額測試課程」課程補助"), Prompt);
            Assert.Equal(templates.ApplicationToOrganiser(edited.Organiser.Name, "陳候補", "加開名額測試課程").Subject, toOrganiser.Subject);
            Assert.True(clock.Elapsed < Prompt, $"The promotion mails took {clock.Elapsed}.");

            await using (var db = app.CreateDbContext())
            {
                Assert.Equal(ApplicationStatus.Approved, (await db.Applications.SingleAsync(a => a.Id == queued.ApplicationId)).Status);
                Assert.True(await db.AuditLog.AnyAsync(e => e.Action == "course.update" && e.EntityId == courseId.ToString() && e.Details.Contains("預計招生人數：1 → 2")));
            }
            // The same pass took the mail that had been waiting for the poll.
            await app.Smtp.WaitForAsync(m => To(m, probe), Prompt);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static bool To(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>An eligible member stored as the app stores one: confirmed e-mail, 2 verified credits, national ID sealed by the app's key.</summary>
    private static async Task<AppUser> MemberAsync(AppFixture app, string name)
    {
        var user = TestData.Member($"seats-{Guid.NewGuid():N}@example.tw");
        user.DisplayName = name;
        var profile = new MemberProfile { UserId = user.Id, Name = name, NationalId = Accounts.AccountTestData.NewNationalId(), Birthday = new DateOnly(1990, 1, 1), UpdatedAt = DateTimeOffset.UtcNow };
        app.Services.GetRequiredService<NationalIdProtector>().Seal(profile);
        await using var db = app.CreateDbContext();
        db.Users.Add(user);
        db.MemberProfiles.Add(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Title = "線上課程", Points = 2, Status = CreditStatus.Approved, Source = CreditSource.OnlineCourse, SubmittedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>填寫完成 as the wizard does it: the member's facts read from what is stored.</summary>
    private static async Task<SubmissionResult> ApplyAsync(AppFixture app, AppUser member, int courseId)
    {
        MemberFacts facts;
        await using (var db = app.CreateDbContext())
            facts = await app.Services.GetRequiredService<IMemberFactsReader>().ReadAsync(db, member.Id);
        var outcome = await app.Services.GetRequiredService<SubmitApplication>()
            .SubmitAsync(TestData.MemberActor(member), courseId, facts, new Consents(true, true, true));
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!;
    }
}
