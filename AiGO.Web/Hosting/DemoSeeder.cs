using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>The demo of SPEC §11. Development only: nothing here runs in Production.</summary>
public sealed class DemoSeeder(AiGoDbContext db, UserManager<AppUser> users, TimeProvider clock, AiGO.Web.Accounts.NationalIdProtector nationalIds)
{
    public const string Password = "AiGO-demo-2026";

    public sealed record DemoAccount(string Email, string Name, string Role, string? Organiser = null);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("office@aigo.example.tw", "計畫辦公室", Roles.Office),
        new("ctbc@aigo.example.tw", "中信金融管理學院 承辦人", Roles.Organiser, DemoCourses.Ctbc),
        new("teca@aigo.example.tw", "台灣電子連接產業協會 承辦人", Roles.Organiser, DemoCourses.Teca),
        new("iii@aigo.example.tw", "資策會 承辦人", Roles.Organiser, DemoCourses.Iii),
        new("trainee@aigo.example.tw", "陳志堅", Roles.Trainee),
        new("alumni@aigo.example.tw", "林怡君", Roles.Trainee),
    ];

    /// <summary>Seeds once, into an empty database; returns false when the demo is already there.</summary>
    public async Task<bool> SeedAsync()
    {
        if (await db.Organisers.AnyAsync()) return false;

        var now = clock.GetUtcNow();
        var organisers = DemoCourses.Organisers();
        db.Organisers.AddRange(organisers);
        var byName = organisers.ToDictionary(o => o.Name);
        foreach (var course in DemoCourses.Build(clock.Today(), name => byName[name]))
        {
            course.CreatedAt = course.UpdatedAt = now;
            db.Courses.Add(course);
        }
        await db.SaveChangesAsync();

        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.Name,
                OrganiserId = account.Organiser is null ? null : byName[account.Organiser].Id,
                PrivacyConsentVersion = "demo",
                PrivacyConsentedAt = now,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo account {account.Email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
            if (account.Email == "trainee@aigo.example.tw") await SeedTraineeAsync(user, now);
            else if (account.Role == Roles.Trainee) await SeedAlumnaAsync(user, now);
        }
        return true;
    }

    /// <summary>The manual's 陳志堅 with complete basic data and verified learning credits, ready to apply.</summary>
    private async Task SeedTraineeAsync(AppUser user, DateTimeOffset now)
    {
        var profile = new MemberProfile
        {
            UserId = user.Id, Name = user.DisplayName, NationalId = "A154146138", Birthday = new DateOnly(1999, 3, 21),
            Gender = "1", Phone = "0266316666", Extension = "6513", Mobile = "0912345678", YearsOfWork = 3, Residence = "01",
            SpecialIdentity = "0", Education = "4", Motivation = "1", UpdatedAt = now,
        };
        profile.ChangeIdentityType(IdentityType.Enterprise);
        profile.BusinessNumber = "04231910";
        profile.CompanyName = "財團法人資訊工業策進會";
        profile.Department = "數位轉型研究所";
        profile.JobTitle = "工程師";
        profile.JobLevel = "1";
        profile.UnitSize = "5";
        profile.ChangeIndustrySection("J");
        profile.IndustryDivision = "63";
        nationalIds.Seal(profile);
        db.MemberProfiles.Add(profile);
        db.LearningCredits.AddRange(
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "AI 概論（線上自學課程）", Points = 1, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-30), ReviewedAt = now.AddDays(-29) },
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "Python 資料分析入門（線上自學課程）", Points = 1, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-20), ReviewedAt = now.AddDays(-19) },
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "機器學習基礎（線上自學課程）", Points = 1, Status = CreditStatus.Pending, SubmittedAt = now.AddDays(-2) });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 林怡君, who has taken courses before, so 課程管理 shows every stage: one course paid out, one just ended with
    /// the questionnaire open (filling it completes the course), and one upcoming with a seat.
    /// </summary>
    private async Task SeedAlumnaAsync(AppUser user, DateTimeOffset now)
    {
        var profile = new MemberProfile
        {
            UserId = user.Id, Name = user.DisplayName, NationalId = "B223456782", Birthday = new DateOnly(1992, 7, 8),
            Gender = "0", Phone = "0422345678", Mobile = "0922345678", YearsOfWork = 6, Residence = "06",
            SpecialIdentity = "0", Education = "5", Motivation = "2", UpdatedAt = now,
        };
        profile.ChangeIdentityType(IdentityType.Enterprise);
        profile.BusinessNumber = "04231910";
        profile.CompanyName = "財團法人資訊工業策進會";
        profile.Department = "產業情報研究所";
        profile.JobTitle = "資料分析師";
        profile.JobLevel = "2";
        profile.UnitSize = "5";
        profile.ChangeIndustrySection("J");
        profile.IndustryDivision = "63";
        nationalIds.Seal(profile);
        db.MemberProfiles.Add(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "AI 概論（線上自學課程）", Points = 2, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-200), ReviewedAt = now.AddDays(-199) });

        var courses = await db.Courses.Where(c => c.Name == "金融數據分析與Python實作" || c.Name == "Python資料科學入門" || c.Name == "智慧理財機器人開發實務")
            .ToDictionaryAsync(c => c.Name);
        var member = new Actor(user.Id, user.DisplayName, new HashSet<string> { Roles.Trainee }, null);
        var office = new Actor(null, "計畫辦公室", new HashSet<string> { Roles.Office }, null);

        var paid = Apply(courses["金融數據分析與Python實作"]);
        Step(paid, ApplicationStatus.Enrolled, OrganiserOf(paid), "開課單位確認報名繳費", 7);
        Attend(paid, passed: true, filled: true);
        Step(paid, ApplicationStatus.Completed, Actor.System, "符合結訓標準", -1);
        paid.DisbursedOn = paid.Course.EndDate.AddDays(28);
        Step(paid, ApplicationStatus.Disbursed, office, $"撥款日 {Taipei.Format(paid.DisbursedOn.Value)}", -1, paid.DisbursedOn);

        var ended = Apply(courses["Python資料科學入門"]);
        Step(ended, ApplicationStatus.Enrolled, OrganiserOf(ended), "開課單位確認報名繳費", 5);
        Attend(ended, passed: true, filled: false);

        Apply(courses["智慧理財機器人開發實務"]);
        await db.SaveChangesAsync();
        db.Questionnaires.Add(new QuestionnaireResponse
        {
            ApplicationId = paid.Id, CourseId = paid.CourseId, SubmittedAt = paid.QuestionnaireSubmittedAt!.Value,
            Answers = Questionnaire.Questions.Select(q => q.Kind == QuestionKind.Rating
                ? new QuestionnaireAnswer { QuestionKey = q.Key, Rating = 4 }
                : new QuestionnaireAnswer { QuestionKey = q.Key, Text = q.Key == "best" ? "實作案例貼近金融業務" : null }).ToList(),
        });
        await db.SaveChangesAsync();

        SubsidyApplication Apply(Course course)
        {
            var submitted = Instant(course.StartDate.AddDays(-20));
            var app = new SubsidyApplication
            {
                Course = course, MemberId = user.Id, Subsidy = course.GovernmentShare, CapYear = course.StartDate.Year,
                CreatedAt = submitted, SubmittedAt = submitted, ConsentedAt = submitted, UpdatedAt = submitted, PrerequisitesAgreed = true,
                PrivacyConsentVersion = PrivacyNotice.ApplicationVersion, AffidavitVersion = SubmitApplication.AffidavitVersion,
            };
            db.Applications.Add(app);
            db.StatusChanges.Add(app.MoveTo(ApplicationStatus.Approved, member, "填寫完成", submitted));
            return app;
        }

        // daysBeforeStart ≥ 0: that many days before the course starts; -1: at the course's end (or on the given date).
        void Step(SubsidyApplication app, ApplicationStatus to, Actor actor, string reason, int daysBeforeStart, DateOnly? on = null) =>
            db.StatusChanges.Add(app.MoveTo(to, actor, reason,
                Instant(on ?? (daysBeforeStart >= 0 ? app.Course.StartDate.AddDays(-daysBeforeStart) : app.Course.EndDate))));

        static Actor OrganiserOf(SubsidyApplication app) => new(null, "開課單位", new HashSet<string> { Roles.Organiser }, app.Course.OrganiserId);

        void Attend(SubsidyApplication app, bool passed, bool filled)
        {
            var c = app.Course;
            (app.MinutesHeld, app.MinutesAttended, app.TestPassed, app.CertificateIssuedOn) = (c.Hours * 60, (c.Hours - 2) * 60, passed, c.EndDate);
            if (filled) app.QuestionnaireSubmittedAt = Instant(c.EndDate);
        }

        // Stored in UTC like every other instant: the store compares them as numbers only comparable at one offset.
        static DateTimeOffset Instant(DateOnly date) => new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
    }
}
