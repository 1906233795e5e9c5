using AiGO.Domain.Accounts;
using AiGO.Domain.Data;
using AiGO.Domain.Mail;
using AiGO.Web.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Accounts;

/// <summary>Identity's account mails (confirmation, reset), written to the outbox in the manual's voice.</summary>
public sealed class OutboxEmailSender(
    IDbContextFactory<AiGoDbContext> dbFactory, MailTemplates templates, TimeProvider clock, OutboxSignal signal) : IEmailSender<AppUser>
{
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        EnqueueAsync(email, user.DisplayName, templates.ConfirmEmail(user.DisplayName, confirmationLink));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        EnqueueAsync(email, user.DisplayName, templates.ResetPassword(user.DisplayName, resetLink));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        EnqueueAsync(email, user.DisplayName, templates.ResetPassword(user.DisplayName, resetCode));

    private async Task EnqueueAsync(string email, string name, MailContent content)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Outbox.Add(Outbox.Create(email, name, content, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        signal.Notify();
    }
}
