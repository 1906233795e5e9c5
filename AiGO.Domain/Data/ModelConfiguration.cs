using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using AiGO.Domain.Organisers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiGO.Domain.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50);
        b.Property(u => u.PrivacyConsentVersion).HasMaxLength(40);
        b.HasOne<Organiser>().WithMany().HasForeignKey(u => u.OrganiserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.RevokedReason).HasConversion<string>().HasMaxLength(20);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.UserId, s.RevokedAt });
    }
}

internal sealed class MemberProfileConfiguration : IEntityTypeConfiguration<MemberProfile>
{
    public void Configure(EntityTypeBuilder<MemberProfile> b)
    {
        b.HasKey(p => p.UserId);
        b.HasOne<AppUser>().WithOne().HasForeignKey<MemberProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.NationalId);
        b.Ignore(p => p.MaskedNationalId);
        b.Property(p => p.NationalIdCipher).HasMaxLength(1000);
        b.Property(p => p.NationalIdHash).HasMaxLength(64);
        b.Property(p => p.NationalIdMasked).HasMaxLength(10);
        b.HasIndex(p => p.NationalIdMasked);
        // One person, one account: the keyed hash finds a national ID already used without decrypting.
        b.HasIndex(p => p.NationalIdHash).IsUnique();
        b.Property(p => p.IdentityType).HasConversion<int?>();
        foreach (var name in new[] { nameof(MemberProfile.Name), nameof(MemberProfile.CompanyName), nameof(MemberProfile.Department),
                     nameof(MemberProfile.JobTitle), nameof(MemberProfile.JobContent), nameof(MemberProfile.School), nameof(MemberProfile.Major) })
            b.Property<string?>(name).HasMaxLength(ProfileRules.MaxTextLength);
        foreach (var name in new[] { nameof(MemberProfile.Gender), nameof(MemberProfile.Residence), nameof(MemberProfile.JobLevel),
                     nameof(MemberProfile.SpecialIdentity), nameof(MemberProfile.Education), nameof(MemberProfile.UnitSize),
                     nameof(MemberProfile.IndustrySection), nameof(MemberProfile.IndustryDivision), nameof(MemberProfile.Motivation) })
            b.Property<string?>(name).HasMaxLength(10);
        b.Property(p => p.Phone).HasMaxLength(10);
        b.Property(p => p.Extension).HasMaxLength(6);
        b.Property(p => p.Mobile).HasMaxLength(10);
        b.Property(p => p.BusinessNumber).HasMaxLength(9);
    }
}

internal sealed class LearningCreditConfiguration : IEntityTypeConfiguration<LearningCredit>
{
    public void Configure(EntityTypeBuilder<LearningCredit> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Title).HasMaxLength(100);
        b.Property(c => c.ReviewNote).HasMaxLength(500);
        b.Property(c => c.ProofOriginalName).HasMaxLength(255);
        b.Property(c => c.ProofStoredName).HasMaxLength(100);
        b.Property(c => c.ProofContentType).HasMaxLength(50);
        b.HasIndex(c => new { c.UserId, c.Status });
        b.HasIndex(c => c.Status);
        b.ToTable(t => t.HasCheckConstraint("CK_LearningCredit_Points", "\"Points\" >= 0"));
    }
}

internal sealed class OrganiserConfiguration : IEntityTypeConfiguration<Organiser>
{
    public void Configure(EntityTypeBuilder<Organiser> b)
    {
        b.Property(o => o.Name).HasMaxLength(100);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.ContactName).HasMaxLength(50);
        b.Property(o => o.ContactPhone).HasMaxLength(30);
        b.Property(o => o.ContactEmail).HasMaxLength(256);
        b.Property(o => o.BusinessNumber).HasMaxLength(8);
        b.HasIndex(o => o.BusinessNumber).IsUnique();
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.ClassTimes).HasMaxLength(200);
        b.Property(c => c.Platform).HasMaxLength(100);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.City).HasMaxLength(10);
        b.Property(c => c.PaymentMethod).HasMaxLength(100);
        b.Property(c => c.ContactName).HasMaxLength(50);
        b.Property(c => c.ContactPhone).HasMaxLength(30);
        b.Property(c => c.ContactEmail).HasMaxLength(256);
        b.Property(c => c.RegistrationUrl).HasMaxLength(500);
        b.Property(c => c.Instructors).HasMaxLength(500);
        b.Property(c => c.UpdatedBy).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Organiser).WithMany().HasForeignKey(c => c.OrganiserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.Status, c.StartDate });
        b.HasMany(c => c.Sessions).WithOne(s => s.Course).HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            // Backstops for the rules CourseRules checks with a message first.
            t.HasCheckConstraint("CK_Course_FeeSplit", "\"TraineeShare\" + \"GovernmentShare\" = \"TotalFee\"");
            t.HasCheckConstraint("CK_Course_NonNegative", "\"TraineeShare\" >= 0 AND \"GovernmentShare\" >= 0 AND \"Hours\" > 0 AND \"PlannedSeats\" >= 0");
            t.HasCheckConstraint("CK_Course_Dates", "\"EndDate\" >= \"StartDate\"");
        });
    }
}

internal sealed class CourseSessionConfiguration : IEntityTypeConfiguration<CourseSession>
{
    public void Configure(EntityTypeBuilder<CourseSession> b)
    {
        b.ToTable("CourseSessions", t => t.HasCheckConstraint("CK_Session_Minutes", "\"Minutes\" > 0"));
        b.HasIndex(s => new { s.CourseId, s.Date, s.Start }).IsUnique();
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> b)
    {
        b.ToTable("SessionAttendance", t => t.HasCheckConstraint("CK_Attendance_Minutes", "\"MinutesAttended\" >= 0"));
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        // One mark per trainee and session: recording again updates it.
        b.HasIndex(a => new { a.SessionId, a.ApplicationId }).IsUnique();
        b.HasIndex(a => a.ApplicationId);
        b.HasOne(a => a.Session).WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Application).WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CodeEntryConfiguration : IEntityTypeConfiguration<CodeEntry>
{
    public void Configure(EntityTypeBuilder<CodeEntry> b)
    {
        b.Property(c => c.Table).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.Code).HasMaxLength(10);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.ParentCode).HasMaxLength(10);
        b.HasIndex(c => new { c.Table, c.Code }).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class PrivacyRequestConfiguration : IEntityTypeConfiguration<PrivacyRequest>
{
    public void Configure(EntityTypeBuilder<PrivacyRequest> b)
    {
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.MemberId).HasMaxLength(450);
        b.Property(r => r.Details).HasMaxLength(PrivacyRequest.MaxDetailsLength);
        b.Property(r => r.ExtensionReason).HasMaxLength(PrivacyRequest.MaxAnswerLength);
        b.Property(r => r.Answer).HasMaxLength(PrivacyRequest.MaxAnswerLength);
        b.Property(r => r.HandlerId).HasMaxLength(450);
        b.Property(r => r.HandlerName).HasMaxLength(100);
        b.HasIndex(r => new { r.State, r.DueOn });
        b.HasIndex(r => r.MemberId);
    }
}

internal sealed class SiteCounterConfiguration : IEntityTypeConfiguration<SiteCounter>
{
    public void Configure(EntityTypeBuilder<SiteCounter> b) => b.Property(c => c.Id).ValueGeneratedNever();
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(a => a.ActorId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(50);
        b.Property(a => a.EntityType).HasMaxLength(50);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.Property(a => a.Details).HasMaxLength(4000);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class SubsidyApplicationConfiguration : IEntityTypeConfiguration<SubsidyApplication>
{
    public void Configure(EntityTypeBuilder<SubsidyApplication> b)
    {
        // No CHECK for the attendance columns: on SQLite adding one rebuilds the table outside a transaction at start-up.
        // RecordAttendance validates them, and they are written nowhere else.
        b.ToTable("Applications", t => t.HasCheckConstraint("CK_Application_Subsidy", "\"Subsidy\" >= 0"));
        b.Property(a => a.MemberId).HasMaxLength(450);
        b.Property(a => a.RejectionCode).HasMaxLength(40);
        b.Property(a => a.RejectionReason).HasMaxLength(500);
        b.Property(a => a.PrivacyConsentVersion).HasMaxLength(40);
        b.Property(a => a.AffidavitVersion).HasMaxLength(40);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Course).WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.CourseId, a.Status });
        b.HasIndex(a => new { a.MemberId, a.CapYear, a.Status });
    }
}

internal sealed class ApplicationStatusChangeConfiguration : IEntityTypeConfiguration<ApplicationStatusChange>
{
    public void Configure(EntityTypeBuilder<ApplicationStatusChange> b)
    {
        b.Property(c => c.ActorId).HasMaxLength(450);
        b.Property(c => c.ActorName).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.HasOne(c => c.Application).WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.ApplicationId, c.At });
    }
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<QuestionnaireResponse>
{
    public void Configure(EntityTypeBuilder<QuestionnaireResponse> b)
    {
        b.ToTable("QuestionnaireResponses");
        // Once per application, whatever races: the database refuses a second response.
        b.HasIndex(r => r.ApplicationId).IsUnique();
        b.HasIndex(r => r.CourseId);
        b.HasOne<SubsidyApplication>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionnaireAnswerConfiguration : IEntityTypeConfiguration<QuestionnaireAnswer>
{
    public void Configure(EntityTypeBuilder<QuestionnaireAnswer> b)
    {
        b.ToTable("QuestionnaireAnswers", t => t.HasCheckConstraint("CK_Answer_Rating", "\"Rating\" IS NULL OR (\"Rating\" >= 1 AND \"Rating\" <= 5)"));
        b.Property(a => a.QuestionKey).HasMaxLength(20);
        b.Property(a => a.Text).HasMaxLength(Questionnaire.MaxTextLength);
    }
}

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.Property(s => s.MemberId).HasMaxLength(450);
        b.Property(s => s.Reason).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.Property(s => s.LiftedBy).HasMaxLength(100);
        b.Property(s => s.LiftReason).HasMaxLength(500);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.MemberId, s.Until });
    }
}

internal sealed class ApplicationDraftConfiguration : IEntityTypeConfiguration<ApplicationDraft>
{
    public void Configure(EntityTypeBuilder<ApplicationDraft> b)
    {
        b.Property(d => d.MemberId).HasMaxLength(450);
        b.HasIndex(d => new { d.MemberId, d.CourseId }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Course>().WithMany().HasForeignKey(d => d.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
