using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Web.Hosting;

/// <summary>The demo of SPEC §11. Development only: nothing here runs in Production.</summary>
public sealed class DemoSeeder(AiGoDbContext db, UserManager<AppUser> users, TimeProvider clock, AiGO.Web.Accounts.NationalIdProtector nationalIds, SubsidyPolicy policy)
{
    public const string Password = "AiGO-demo-2026";

    public sealed record DemoAccount(string Email, string Name, string Role, string? Organiser = null);

    /// <summary>One classmate of the demo: an eligible trainee with complete basic data, approved for 邊緣運算AI模型部署實務.</summary>
    private sealed record Classmate(string Email, string Name, string NationalId, DateOnly Birthday, string Mobile, string Residence,
        IdentityType Identity, string? Company = null, string? BusinessNumber = null, string? Department = null, string? JobTitle = null,
        string? School = null, string? Major = null);

    // Declared before Accounts, which lists them: static fields are initialised in text order.
    private static readonly IReadOnlyList<Classmate> Classmates =
    [
        new("wang.chienming@aigo.example.tw", "王建銘", "H134290525", new DateOnly(1988, 11, 2), "0933456781", "10", IdentityType.Enterprise,
            "竹科晶創科技股份有限公司", "28457612", "智慧製造部", "資深工程師"),
        new("lee.peiyu@aigo.example.tw", "李佩瑜", "F225671834", new DateOnly(1994, 5, 17), "0955123468", "08", IdentityType.Enterprise,
            "宏昇精密工業股份有限公司", "53091824", "品保部", "品管工程師"),
        new("chang.yuhsiang@aigo.example.tw", "張育翔", "J118452062", new DateOnly(2001, 2, 9), "0978223145", "10", IdentityType.Student,
            School: "國立陽明交通大學", Major: "電機工程學系碩士班"),
        new("tsai.yiting@aigo.example.tw", "蔡宜庭", "E217836419", new DateOnly(1990, 9, 28), "0916552703", "03", IdentityType.Enterprise,
            "瑞鼎智慧影像股份有限公司", "87126403", "研發中心", "韌體工程師"),
        new("liu.chengyu@aigo.example.tw", "劉承宇", "D120987342", new DateOnly(1985, 6, 30), "0921778456", "01", IdentityType.Unemployed),
        new("hsu.wenhsin@aigo.example.tw", "許文馨", "A230196754", new DateOnly(1997, 12, 14), "0989334612", "02", IdentityType.Enterprise,
            "財團法人資訊工業策進會", "04231910", "數位轉型研究院", "研究員"),
    ];

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("office@aigo.example.tw", "計畫辦公室", Roles.Office),
        new("ctbc@aigo.example.tw", "中信金融管理學院 承辦人", Roles.Organiser, DemoCourses.Ctbc),
        new("teca@aigo.example.tw", "台灣電子連接產業協會 承辦人", Roles.Organiser, DemoCourses.Teca),
        new("iii@aigo.example.tw", "資策會 承辦人", Roles.Organiser, DemoCourses.Iii),
        new("trainee@aigo.example.tw", "陳志堅", Roles.Trainee),
        new("alumni@aigo.example.tw", "林怡君", Roles.Trainee),
        new("member@aigo.example.tw", "黃雅婷", Roles.Trainee),
        // Classmates who hold the six seats of 邊緣運算AI模型部署實務, so 黃雅婷 is genuinely waitlisted.
        .. Classmates.Select(c => new DemoAccount(c.Email, c.Name, Roles.Trainee)),
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

        var accounts = new Dictionary<string, AppUser>();
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
            accounts[account.Email] = user;
        }

        await SeedTraineeAsync(accounts["trainee@aigo.example.tw"], now);
        await SeedAlumnaAsync(accounts["alumni@aigo.example.tw"], now);
        foreach (var classmate in Classmates) await SeedClassmateAsync(accounts[classmate.Email], classmate, now);
        await SeedMemberAsync(accounts["member@aigo.example.tw"], now);
        await SeedPrivacyRequestsAsync(accounts, now);
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
        AddProfile(profile);
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
        AddProfile(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "AI 概論（線上自學課程）", Points = 2, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-200), ReviewedAt = now.AddDays(-199) });

        var courses = await CoursesAsync("金融數據分析與Python實作", "Python資料科學入門", "智慧理財機器人開發實務");
        var paid = Apply(courses["金融數據分析與Python實作"], user, Instant(courses["金融數據分析與Python實作"].StartDate.AddDays(-20)));
        Step(paid, ApplicationStatus.Enrolled, OrganiserOf(paid), "開課單位確認報名繳費", Instant(paid.Course.StartDate.AddDays(-7)));
        // She left the second Saturday two hours early: 22 of 24 hours.
        Attend(paid, new Dictionary<int, int> { [1] = 240 });
        (paid.TestPassed, paid.CertificateIssuedOn, paid.QuestionnaireSubmittedAt) = (true, paid.Course.EndDate, Instant(paid.Course.EndDate, 17));
        Step(paid, ApplicationStatus.Completed, Actor.System, "符合結訓標準", Instant(paid.Course.EndDate, 17));
        paid.DisbursedOn = paid.Course.EndDate.AddDays(28);
        Step(paid, ApplicationStatus.Disbursed, OfficeActor, $"撥款日 {Taipei.Format(paid.DisbursedOn.Value)}", Instant(paid.DisbursedOn.Value));

        var ended = Apply(courses["Python資料科學入門"], user, Instant(courses["Python資料科學入門"].StartDate.AddDays(-20)));
        Step(ended, ApplicationStatus.Enrolled, OrganiserOf(ended), "開課單位確認報名繳費", Instant(ended.Course.StartDate.AddDays(-5)));
        // She came two hours late to the second Saturday: 16 of 18 hours, still 80%; only the questionnaire is missing.
        Attend(ended, new Dictionary<int, int> { [1] = 240 });
        (ended.TestPassed, ended.CertificateIssuedOn) = (true, ended.Course.EndDate);

        Apply(courses["智慧理財機器人開發實務"], user, Instant(courses["智慧理財機器人開發實務"].StartDate.AddDays(-20)));
        await db.SaveChangesAsync();
        db.Questionnaires.Add(new QuestionnaireResponse
        {
            ApplicationId = paid.Id, CourseId = paid.CourseId, SubmittedAt = paid.QuestionnaireSubmittedAt!.Value,
            Answers = Questionnaire.Questions.Select(q => q.Kind == QuestionKind.Rating
                ? new QuestionnaireAnswer { QuestionKey = q.Key, Rating = 4 }
                : new QuestionnaireAnswer { QuestionKey = q.Key, Text = q.Key == "best" ? "實作案例貼近金融業務" : null }).ToList(),
        });
        await db.SaveChangesAsync();
    }

    /// <summary>A classmate with complete basic data and 2 verified credit points, holding a seat of 邊緣運算AI模型部署實務.</summary>
    private async Task SeedClassmateAsync(AppUser user, Classmate c, DateTimeOffset now)
    {
        var profile = new MemberProfile
        {
            UserId = user.Id, Name = c.Name, NationalId = c.NationalId, Birthday = c.Birthday, Gender = c.NationalId[1] == '1' ? "1" : "0",
            Phone = c.Residence is "01" or "02" ? "02" + c.Mobile[2..] : "03" + c.Mobile[3..], Mobile = c.Mobile,
            YearsOfWork = Math.Max(0, now.Year - c.Birthday.Year - 24), Residence = c.Residence,
            SpecialIdentity = "0", Education = c.Identity == IdentityType.Student ? "4" : "5", Motivation = c.Identity == IdentityType.Enterprise ? "1" : "2",
            UpdatedAt = now,
        };
        profile.ChangeIdentityType(c.Identity);
        if (c.Identity == IdentityType.Enterprise)
        {
            (profile.BusinessNumber, profile.CompanyName, profile.Department, profile.JobTitle) = (c.BusinessNumber, c.Company, c.Department, c.JobTitle);
            (profile.JobLevel, profile.UnitSize) = ("1", "4");
            profile.ChangeIndustrySection(c.BusinessNumber == "04231910" ? "M" : "C");
            profile.IndustryDivision = c.BusinessNumber == "04231910" ? "72" : "26";
        }
        (profile.School, profile.Major) = (c.School, c.Major);
        AddProfile(profile);
        db.LearningCredits.Add(new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "AI 概論（線上自學課程）", Points = 2, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-60), ReviewedAt = now.AddDays(-59) });

        var course = (await CoursesAsync(EdgeAi))[EdgeAi];
        var seat = Classmates.ToList().IndexOf(c);
        Apply(course, user, now.AddDays(-24 + 2 * seat).AddHours(seat));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 個資請求 for the office's desk: one well within its period, one extended with its reason, one past its due date
    /// (so the overdue flag shows), and one answered.
    /// </summary>
    private async Task SeedPrivacyRequestsAsync(IReadOnlyDictionary<string, AppUser> accounts, DateTimeOffset now)
    {
        var correction = PrivacyRequest.Receive(accounts["member@aigo.example.tw"].Id, PrivacyRequestKind.Correction,
            "我的服務單位已改為自行接案，請協助更正申請紀錄上的服務單位。", now.AddDays(-3));
        var copy = PrivacyRequest.Receive(accounts["alumni@aigo.example.tw"].Id, PrivacyRequestKind.Copy,
            "請提供我在本計畫的全部申請紀錄與出席紀錄複製本。", now.AddDays(-16));
        var access = PrivacyRequest.Receive(accounts["trainee@aigo.example.tw"].Id, PrivacyRequestKind.Access, null, now.AddDays(-20));
        var office = accounts["office@aigo.example.tw"];
        access.Extend("需向開課單位調閱紙本出席簽到表", now.AddDays(-8));
        (access.HandlerId, access.HandlerName) = (office.Id, office.DisplayName);
        var answered = PrivacyRequest.Receive(accounts["trainee@aigo.example.tw"].Id, PrivacyRequestKind.StopProcessing,
            "請停止寄送課程推廣訊息。", now.AddDays(-40));
        answered.State = PrivacyRequestState.Completed;
        answered.Answer = "已停止寄送推廣訊息；補助相關通知仍依規定寄送。";
        answered.ClosedAt = now.AddDays(-35);
        (answered.HandlerId, answered.HandlerName) = (office.Id, office.DisplayName);
        db.PrivacyRequests.AddRange(correction, copy, access, answered);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 黃雅婷, a freelancer, so 課程管理 shows the statuses a member meets when things do not go to plan (issue #11):
    /// 備取第1位 on a full course, 未通過 for a reason she can fix, 未達結訓標準 after missing a class day, and 已取消.
    /// </summary>
    private async Task SeedMemberAsync(AppUser user, DateTimeOffset now)
    {
        var profile = new MemberProfile
        {
            UserId = user.Id, Name = user.DisplayName, NationalId = "R208773187", Birthday = new DateOnly(1993, 4, 26),
            Gender = "0", Phone = "0223456789", Mobile = "0938765432", YearsOfWork = 8, Residence = "01",
            SpecialIdentity = "0", Education = "4", Motivation = "4", UpdatedAt = now,
        };
        profile.ChangeIdentityType(IdentityType.Freelancer);
        // What the office found too vague: she can make it specific in 帳號管理 and apply again.
        profile.JobContent = "接案";
        profile.ChangeIndustrySection("J");
        profile.IndustryDivision = "62";
        AddProfile(profile);
        db.LearningCredits.AddRange(
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "AI 概論（線上自學課程）", Points = 1, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-150), ReviewedAt = now.AddDays(-149) },
            new LearningCredit { UserId = user.Id, Source = CreditSource.OnlineCourse, Title = "Python 程式設計入門（線上自學課程）", Points = 1, Status = CreditStatus.Approved, SubmittedAt = now.AddDays(-140), ReviewedAt = now.AddDays(-139) });

        const string Finance = "金融數據分析與Python實作", Mlops = "MLOps機器學習維運實務", DeepLearning = "深度學習實作：TensorFlow與PyTorch";
        var courses = await CoursesAsync(Finance, Mlops, DeepLearning, EdgeAi);
        var member = MemberActor(user);

        // 未達結訓標準: she missed the second Saturday (6 of 24 hours, more than the 4.8 she could miss). She was told
        // after that roster; the system decided when the last one was recorded on the course's last day.
        var missed = Apply(courses[Finance], user, Instant(courses[Finance].StartDate.AddDays(-18), 21));
        Step(missed, ApplicationStatus.Enrolled, OrganiserOf(missed), "開課單位確認報名繳費", Instant(missed.Course.StartDate.AddDays(-7), 11));
        var sessions = Attend(missed, new Dictionary<int, int> { [1] = 0 });
        missed.AttendanceWarningSentAt = Instant(sessions[1].Date, 17);
        missed.TestPassed = true;
        var decided = Completion.Decide(missed.Course, missed, missed.Course.EndDate)
            ?? throw new InvalidOperationException("Demo: the missed class day should decide 未達結訓標準.");
        Step(missed, decided.Status, Actor.System, decided.Reason, Instant(missed.Course.EndDate, 17));

        // In the order things happened, so each subsidy is what the cap left at its submission. 已取消: she applied,
        // then withdrew before the start (a client project clashed), which released the seat and the subsidy.
        var cancelled = Apply(courses[Mlops], user, now.AddDays(-20).AddHours(-3));
        // 未通過 for a reason she can fix: the office rejects as RejectApplication does, with the code and the words.
        var rejected = Apply(courses[DeepLearning], user, now.AddDays(-9).AddHours(-2));
        var reason = RejectionReasons.Find("data")!;
        (rejected.RejectionCode, rejected.RejectionReason) = (reason.Code, $"{reason.Text}：工作內容僅填「接案」，請具體說明接案的業務內容（例如：網站與App程式開發）");
        Step(rejected, ApplicationStatus.Rejected, OfficeActor, rejected.RejectionReason, now.AddDays(-7).AddHours(-4));
        Step(cancelled, ApplicationStatus.Cancelled, member, "學員取消報名", now.AddDays(-6).AddHours(-5));

        // 備取: the six seats were taken before she applied.
        Apply(courses[EdgeAi], user, now.AddDays(-3).AddHours(-1));
        await db.SaveChangesAsync();
    }

    private const string EdgeAi = "邊緣運算AI模型部署實務";

    private static Actor MemberActor(AppUser user) => new(user.Id, user.DisplayName, new HashSet<string> { Roles.Trainee }, null);

    private static readonly Actor OfficeActor = new(null, "計畫辦公室", new HashSet<string> { Roles.Office }, null);

    private static Actor OrganiserOf(SubsidyApplication app) => new(null, "開課單位", new HashSet<string> { Roles.Organiser }, app.Course.OrganiserId);

    private Task<Dictionary<string, Course>> CoursesAsync(params string[] names) =>
        db.Courses.Include(c => c.Organiser).Include(c => c.Sessions).Where(c => names.Contains(c.Name)).ToDictionaryAsync(c => c.Name);

    /// <summary>Demo basic data passes the same rules as the profile page, and its national ID is sealed like any other.</summary>
    private void AddProfile(MemberProfile profile)
    {
        if (ProfileRules.Validate(profile) is { Count: > 0 } errors)
            throw new InvalidOperationException($"Demo profile {profile.Name}: " + string.Join("; ", errors.Select(e => e.Message)));
        nationalIds.Seal(profile);
        db.MemberProfiles.Add(profile);
    }

    /// <summary>
    /// 填寫完成 at <paramref name="submitted"/>, as the wizard decides it: a seat while one is free (備取 past them, in
    /// submission order) and min(government share, rate × fee, what is left of the year's cap) as the subsidy.
    /// </summary>
    private SubsidyApplication Apply(Course course, AppUser user, DateTimeOffset submitted)
    {
        var year = course.StartDate.Year;
        var mine = db.Applications.Local.Where(a => a.MemberId == user.Id && a.CapYear == year && ApplicationStatuses.HoldingMoney.Contains(a.Status));
        var subsidy = SubsidyCalculator.ForCourse(course.TotalFee, course.GovernmentShare, policy.RatePercentFor("0"), policy.AnnualCap - mine.Sum(a => a.Subsidy));
        if (subsidy <= 0) throw new InvalidOperationException($"Demo: {user.DisplayName} has no cap left for {course.Name}.");
        var others = db.Applications.Local.Where(a => a.Course == course).ToList();
        var seatsTaken = others.Count(a => ApplicationStatuses.HoldingSeat.Contains(a.Status));
        var waiting = others.Count(a => a.Status == ApplicationStatus.Waitlisted);
        var app = new SubsidyApplication
        {
            Course = course, MemberId = user.Id, Subsidy = subsidy, CapYear = year,
            CreatedAt = submitted, SubmittedAt = submitted, ConsentedAt = submitted, UpdatedAt = submitted, PrerequisitesAgreed = true,
            PrivacyConsentVersion = PrivacyNotice.ApplicationVersion, AffidavitVersion = SubmitApplication.AffidavitVersion,
        };
        db.Applications.Add(app);
        db.StatusChanges.Add(seatsTaken < course.PlannedSeats
            ? app.MoveTo(ApplicationStatus.Approved, MemberActor(user), "填寫完成", submitted)
            : app.MoveTo(ApplicationStatus.Waitlisted, MemberActor(user), $"名額已滿，備取第{waiting + 1}位", submitted));
        return app;
    }

    private void Step(SubsidyApplication app, ApplicationStatus to, Actor actor, string reason, DateTimeOffset at) =>
        db.StatusChanges.Add(app.MoveTo(to, actor, reason, at));

    /// <summary>
    /// The organiser's roster for every session of the course, recorded the evening of each class day: present for the
    /// whole session unless <paramref name="exceptions"/> gives the minutes attended (by session index, 0 for absent).
    /// The application's totals are the sum of the marks, as <see cref="RecordRoster"/> keeps them.
    /// </summary>
    private IReadOnlyList<CourseSession> Attend(SubsidyApplication app, IReadOnlyDictionary<int, int> exceptions)
    {
        var sessions = app.Course.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).ToList();
        var recordedBy = Accounts.Single(a => a.Organiser == app.Course.Organiser.Name).Name;
        foreach (var (session, i) in sessions.Select((s, i) => (s, i)))
        {
            db.Attendance.Add(new SessionAttendance
            {
                Session = session, Application = app, MinutesAttended = exceptions.GetValueOrDefault(i, session.Minutes),
                RecordedAt = Instant(session.Date, 17), RecordedBy = recordedBy,
            });
        }
        app.MinutesHeld = sessions.Sum(s => s.Minutes);
        app.MinutesAttended = sessions.Select((s, i) => exceptions.GetValueOrDefault(i, s.Minutes)).Sum();
        return sessions;
    }

    // Stored in UTC like every other instant: the store compares them as numbers only comparable at one offset.
    private static DateTimeOffset Instant(DateOnly date, int hour = 10) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
}
