using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using AiGO.Domain.Organisers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiGO.Domain.Data;

/// <summary>
/// The one model: Identity, the catalogue, applications, the mail outbox. Each database provider has a
/// subclass of its own only so that each keeps its own migrations.
/// </summary>
public abstract class AiGoDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organiser> Organisers => Set<Organiser>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseSession> CourseSessions => Set<CourseSession>();
    public DbSet<SessionAttendance> Attendance => Set<SessionAttendance>();
    public DbSet<SubsidyApplication> Applications => Set<SubsidyApplication>();
    public DbSet<ApplicationStatusChange> StatusChanges => Set<ApplicationStatusChange>();
    public DbSet<Sanction> Sanctions => Set<Sanction>();
    public DbSet<ApplicationDraft> ApplicationDrafts => Set<ApplicationDraft>();
    public DbSet<QuestionnaireResponse> Questionnaires => Set<QuestionnaireResponse>();
    public DbSet<CodeEntry> Codes => Set<CodeEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<SiteCounter> SiteCounters => Set<SiteCounter>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<MemberProfile> MemberProfiles => Set<MemberProfile>();
    public DbSet<LearningCredit> LearningCredits => Set<LearningCredit>();
    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AiGoDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
        }
    }
}

public sealed class SqliteAiGoDbContext(DbContextOptions<SqliteAiGoDbContext> options) : AiGoDbContext(options)
{
    // SQLite has no date-time-with-offset type: store UTC ticks so comparisons and ordering run in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresAiGoDbContext(DbContextOptions<PostgresAiGoDbContext> options) : AiGoDbContext(options);
