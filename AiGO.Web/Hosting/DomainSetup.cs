using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Mail;
using AiGO.Domain.Office;
using AiGO.Web.Accounts;
using Microsoft.Extensions.Options;

namespace AiGO.Web.Hosting;

/// <summary>
/// The domain's rules and use cases as the app wires them, from <c>Subsidy</c> and <c>ProgrammeOffice</c>. The tests
/// build their services with this same method, swapping only the clock, the database and the notifier.
/// </summary>
public static class DomainSetup
{
    public static IServiceCollection AddAiGoDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Subsidy").Get<SubsidyPolicy>() ?? new SubsidyPolicy());
        services.Configure<ProgrammeOfficeOptions>(configuration.GetSection("ProgrammeOffice"));
        services.AddSingleton(sp => new MailTemplates(sp.GetRequiredService<IOptions<ProgrammeOfficeOptions>>().Value));

        // Applications: one unit of work, and one class per thing a user does.
        services.AddSingleton<UnitOfWork>();
        services.AddSingleton<ApplicationMails>();
        services.AddSingleton<IMemberFactsReader, MemberFactsReader>();
        services.AddSingleton<Waitlist>();
        services.AddSingleton<SubmitApplication>();
        services.AddSingleton<CancelApplication>();
        services.AddSingleton<FillQuestionnaire>();
        services.AddSingleton<ApproveApplication>();
        services.AddSingleton<RejectApplication>();
        services.AddSingleton<ConfirmEnrolment>();
        services.AddSingleton<RecordRoster>();
        services.AddSingleton<CompletionSweep>();
        services.AddSingleton<RecordTestResult>();
        services.AddSingleton<IssueCertificate>();
        services.AddSingleton<RecordDisbursement>();
        services.AddSingleton<TraineeCourses>();

        // The office's desk (管理中心)
        services.AddSingleton<ApplicationBoard>();
        services.AddSingleton<ApplicationDossier>();
        services.AddSingleton<SanctionRegister>();
        services.AddSingleton<ReviewLearningCredit>();
        services.AddSingleton<CreditReviewQueue>();
        services.AddSingleton<RecordSanction>();
        services.AddSingleton<LiftSanction>();
        services.AddSingleton<AuditLogQuery>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<ResendMail>();
        services.AddSingleton<MailRetention>();
        services.AddSingleton<EditCodes>();
        services.AddSingleton<SubsidyReport>();
        services.AddSingleton<PersonalDataRequests>();

        // The organiser's desk (培訓中心)
        services.AddSingleton<AiGO.Domain.Organisers.ApplicantList>();
        services.AddSingleton<AiGO.Domain.Organisers.AttendanceRoster>();
        services.AddSingleton<AiGO.Domain.Organisers.OrganiserRegistry>();
        services.AddSingleton<EditSessions>();
        services.AddSingleton<AiGO.Domain.Organisers.ApplicantExport>();
        services.AddSingleton<INationalIdSealer>(sp => sp.GetRequiredService<NationalIdProtector>());
        services.AddSingleton<AiGO.Domain.Import.ImportTrainees>();

        // Catalogue
        services.AddSingleton<CatalogueQueries>();
        services.AddSingleton<CourseDetails>();
        services.AddSingleton<SaveCourse>();
        services.AddSingleton<ChangeCourseStatus>();
        services.AddSingleton<CourseAdminQueries>();
        return services;
    }
}
