using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Applications;

public class CompletionAndQuestionnaireTests
{
    private static List<Answer> AllAnswered(int rating = 4) =>
        Questionnaire.Questions.Select(q => q.Kind == QuestionKind.Rating ? new Answer(q.Key, rating, null) : new Answer(q.Key, null, "很實用")).ToList();

    [Theory]
    [InlineData(12, "9.6")]
    [InlineData(18, "14.4")]
    [InlineData(30, "24")]
    public void Eighty_percent_of_the_hours_is_shown_to_one_decimal(int hours, string required) =>
        Assert.Equal(required, Completion.Show(Completion.RequiredHours(hours)));

    [Fact]
    public void The_checklist_says_how_many_more_hours_may_be_missed()
    {
        var course = TestData.Course(new(), "課程", new DateOnly(2026, 12, 1));
        course.Hours = 24; // must attend 19.2: may miss 4.8
        var app = new SubsidyApplication { Status = ApplicationStatus.Enrolled, MinutesHeld = 12 * 60, MinutesAttended = 11 * 60 };
        var today = new DateOnly(2026, 12, 4);

        var attendance = Completion.For(course, app, today)["attendance"];
        Assert.Equal(ChecklistState.Pending, attendance.State);
        Assert.Contains("您還可以缺席3.8小時", attendance.Detail);

        app.MinutesAttended = 7 * 60; // missed 5 of the 4.8 allowed
        Assert.Equal(ChecklistState.Failed, Completion.For(course, app, today)["attendance"].State);
        Assert.Equal(ChecklistState.Failed, Completion.For(course, app, today).Verdict);

        app.MinutesHeld = 24 * 60; app.MinutesAttended = 20 * 60;
        Assert.Equal(ChecklistState.Done, Completion.For(course, app, today)["attendance"].State);
        Assert.Equal("預計完成課程後開放", Completion.For(course, app, today)["test"].Detail);
    }

    [Fact]
    public void An_enrolled_application_is_decided_only_after_the_course_ends()
    {
        var course = TestData.Course(new(), "課程", new DateOnly(2026, 12, 1)); // ends 12-08, 12 hours
        var app = new SubsidyApplication { Status = ApplicationStatus.Enrolled, MinutesHeld = 12 * 60, MinutesAttended = 10 * 60, TestPassed = true, CertificateIssuedOn = new DateOnly(2026, 12, 8), QuestionnaireSubmittedAt = DateTimeOffset.UtcNow };
        Assert.Null(Completion.Decide(course, app, new DateOnly(2026, 12, 7)));
        Assert.Equal(ApplicationStatus.Completed, Completion.Decide(course, app, new DateOnly(2026, 12, 8))?.Status);
        app.TestPassed = false;
        Assert.Equal(ApplicationStatus.NotCompleted, Completion.Decide(course, app, new DateOnly(2026, 12, 8))?.Status);
        app.TestPassed = null; // still to come: not decided yet
        Assert.Null(Completion.Decide(course, app, new DateOnly(2026, 12, 9)));
    }

    [Fact]
    public void Every_rating_is_required_and_free_text_is_limited()
    {
        Assert.Empty(Questionnaire.Validate(AllAnswered()));
        var answers = AllAnswered();
        answers[0] = answers[0] with { Rating = null };
        answers[1] = answers[1] with { Rating = 6 };
        answers[^1] = answers[^1] with { Text = new string('字', Questionnaire.MaxTextLength + 1) };
        var errors = Questionnaire.Validate(answers).ToDictionary(e => e.Field, e => e.Message);
        Assert.Equal("請選擇滿意度", errors["overall"]);
        Assert.Equal("同意程度須為 1 到 5", errors["outline"]);
        Assert.Contains("1000字以內", errors["suggestions"]);
        Assert.InRange(Questionnaire.Questions.Count, 8, 12);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_questionnaire_opens_on_the_last_day_counts_once_and_completes_the_course(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3)); // 12 hours, ends 7 days after the start
        var member = await kit.MemberAsync();
        var app = (await kit.ApplyAsync(member, course)).ApplicationId;
        var actor = TestData.MemberActor(member);
        var organiser = TestData.OrganiserActor(course.OrganiserId);

        var early = await kit.Questionnaires.SubmitAsync(actor, app, AllAnswered());
        Assert.Equal(OutcomeKind.Invalid, early.Kind);
        Assert.Contains($"課程結束當天（{Taipei.Format(course.EndDate)}）開放填寫", early.Message);

        Assert.True((await kit.Get<ConfirmEnrolment>().ConfirmAsync(organiser, app, null)).Succeeded);
        kit.Clock.Advance(TimeSpan.FromDays(10)); // the course's last day
        await kit.AttendAsync(course, app, 12, 10);
        Assert.True((await kit.Get<RecordTestResult>().RecordAsync(organiser, app, true, null)).Succeeded);
        Assert.True((await kit.Get<IssueCertificate>().IssueAsync(organiser, app, kit.Today, null)).Succeeded);
        Assert.Equal(ApplicationStatus.Enrolled, (await kit.ApplicationAsync(app)).Status); // the questionnaire is still to come

        var stranger = await kit.Questionnaires.SubmitAsync(TestData.MemberActor(await kit.MemberAsync()), app, AllAnswered());
        Assert.Equal(OutcomeKind.Forbidden, stranger.Kind);

        Assert.True((await kit.Questionnaires.SubmitAsync(actor, app, AllAnswered(5))).Succeeded);
        var twice = await kit.Questionnaires.SubmitAsync(actor, app, AllAnswered(1));
        Assert.Equal(OutcomeKind.Conflict, twice.Kind);
        Assert.Contains("只能填寫一次", twice.Message);

        var done = await kit.ApplicationAsync(app);
        Assert.Equal(ApplicationStatus.Completed, done.Status);
        await using var db = kit.Db();
        var response = await db.Questionnaires.Include(r => r.Answers).SingleAsync();
        Assert.Equal(Questionnaire.Questions.Count, response.Answers.Count);
        Assert.All(response.Answers.Where(a => a.Rating is not null), a => Assert.Equal(5, a.Rating));
        var last = await db.StatusChanges.Where(c => c.ApplicationId == app).OrderBy(c => c.Id).LastAsync();
        Assert.Equal((ApplicationStatus.Enrolled, ApplicationStatus.Completed, "符合結訓標準"), (last.From!.Value, last.To, last.Reason));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_database_refuses_a_second_response_to_the_same_application(DatabaseProvider provider)
    {
        await using var kit = await ApplicationsKit.CreateAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(3));
        var app = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        await using var db = kit.Db();
        db.Questionnaires.Add(new QuestionnaireResponse { ApplicationId = app, CourseId = course.Id, SubmittedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        db.Questionnaires.Add(new QuestionnaireResponse { ApplicationId = app, CourseId = course.Id, SubmittedAt = DateTimeOffset.UtcNow });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
