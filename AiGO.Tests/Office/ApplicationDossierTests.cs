using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Domain.Office;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Office;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Office;

/// <summary>
/// 審核: the office opens one application — the member's data with the national ID masked, the eligibility rules judged
/// again now, the history — and may show the full national ID on purpose, each time audited.
/// </summary>
public class ApplicationDossierTests
{
    private static Task<ApplicationsKit> ManualReviewAsync(DatabaseProvider provider) =>
        ApplicationsKit.CreateAsync(provider, new SubsidyPolicy { ManualReview = true });

    private static async Task<Dossier> LoadAsync(ApplicationsKit kit, int applicationId)
    {
        var outcome = await kit.Get<ApplicationDossier>().LoadAsync(TestData.Office, applicationId);
        Assert.True(outcome.Succeeded, outcome.Message);
        return outcome.Value!;
    }

    /// <summary>A valid national ID that masks to <c>A1****6138</c>.</summary>
    private static string NationalIdEndingIn6138()
    {
        for (var middle = 0; middle < 10_000; middle++)
        {
            var candidate = $"A1{middle:D4}6138";
            if (NationalId.Parse(candidate).IsValid) return candidate;
        }
        throw new InvalidOperationException("no valid ID ends in 6138");
    }

    /// <summary>Gives the member a national ID of the test's choosing, stored as the app stores it.</summary>
    private static async Task<string> GiveNationalIdAsync(ApplicationsKit kit, AppUser member)
    {
        var id = NationalIdEndingIn6138();
        await using var db = kit.Db();
        var profile = await db.MemberProfiles.SingleAsync(p => p.UserId == member.Id);
        profile.NationalId = id;
        kit.Protector.Seal(profile);
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<List<AuditEntry>> AuditAsync(ApplicationsKit kit)
    {
        await using var db = kit.Db();
        return await db.AuditLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private static RevealNationalId Reveal(ApplicationsKit kit) => new(new TestDbFactory(kit.Database), TestServices.Protector, kit.Clock);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_application_under_review_shows_no_problem_its_own_hold_and_itself_are_not_counted_against_it(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        // The subsidy is the whole annual cap: counted against itself, nothing would be left.
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10), fee: 40000);
        var member = await kit.MemberAsync("王大明");
        var nationalId = await GiveNationalIdAsync(kit, member);
        var submitted = await kit.ApplyAsync(member, course);
        Assert.Equal((ApplicationStatus.Submitted, 20000), (submitted.Status, submitted.Subsidy));

        var dossier = await LoadAsync(kit, submitted.ApplicationId);

        Assert.Empty(dossier.ProblemsNow);
        Assert.Equal((true, true), (dossier.CanApprove, dossier.CanReject));
        Assert.Equal((submitted.ApplicationId, ApplicationStatus.Submitted, "資料科學", "王大明", member.Email, true, 2),
            (dossier.Application.Id, dossier.Application.Status, dossier.Course.Name, dossier.MemberName, dossier.Email, dossier.EmailConfirmed, dossier.VerifiedCredits));
        // The national ID is masked; the full number is never on the dossier.
        Assert.Equal(("A1****6138", (string?)null), (dossier.Profile!.NationalIdMasked, dossier.Profile.NationalId));
        Assert.DoesNotContain(nationalId, System.Text.Json.JsonSerializer.Serialize(dossier.Profile));
        var step = Assert.Single(dossier.History);
        Assert.Equal(((ApplicationStatus?)ApplicationStatus.Draft, ApplicationStatus.Submitted, "王大明", "填寫完成"), (step.From, step.To, step.ActorName, step.Reason));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_dossier_judges_eligibility_again_now_and_shows_credits_revoked_since_the_submission(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        await using (var db = kit.Db())
        {
            foreach (var credit in await db.LearningCredits.Where(c => c.UserId == member.Id).ToListAsync())
                credit.Status = CreditStatus.Rejected;
            await db.SaveChangesAsync();
        }

        var dossier = await LoadAsync(kit, id);

        var problem = Assert.Single(dossier.ProblemsNow);
        Assert.Equal(("credits", "已審核通過的學習積分為0分，須達2分以上。"), (problem.Code, problem.Message));
        Assert.Equal(0, dossier.VerifiedCredits);

        // A sanction recorded since shows too, with until when.
        Assert.True((await kit.Get<RecordSanction>().RecordAsync(TestData.Office, new SanctionInput(member.Id, null, "冒名簽到", kit.Today))).Succeeded);
        Assert.Equal(["credits", "sanction"], (await LoadAsync(kit, id)).ProblemsNow.Select(p => p.Code));
        Assert.Contains("停權至2028-11-24", (await LoadAsync(kit, id)).ProblemsNow[1].Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Once_the_course_has_started_the_dossier_does_not_call_that_a_problem(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(2));
        var id = (await kit.ApplyAsync(await kit.MemberAsync(), course)).ApplicationId;
        kit.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Empty((await LoadAsync(kit, id)).ProblemsNow);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_dossier_lists_the_history_who_when_and_why(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync("王大明");
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        Assert.True((await kit.Get<ApproveApplication>().ApproveAsync(TestData.Office, id, "證明文件齊全")).Succeeded);
        var approvedAt = kit.Clock.GetUtcNow();
        kit.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True((await kit.Get<RejectApplication>().RejectAsync(TestData.Office, id, "identity", "在職證明不符")).Succeeded);

        var dossier = await LoadAsync(kit, id);

        Assert.Equal(
            [
                (approvedAt.AddSeconds(-1), (ApplicationStatus?)ApplicationStatus.Draft, ApplicationStatus.Submitted, "王大明", (string?)"填寫完成"),
                (approvedAt, ApplicationStatus.Submitted, ApplicationStatus.Approved, "計畫辦公室", "證明文件齊全"),
                (approvedAt.AddHours(1), ApplicationStatus.Approved, ApplicationStatus.Rejected, "計畫辦公室", "身分別或任職資料與證明文件不符：在職證明不符"),
            ],
            dossier.History.Select(h => (h.At, h.From, h.To, h.ActorName, h.Reason)));
        Assert.Equal((false, false), (dossier.CanApprove, dossier.CanReject));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_opens_a_dossier(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync();
        var id = (await kit.ApplyAsync(member, course)).ApplicationId;
        var dossiers = kit.Get<ApplicationDossier>();

        foreach (var actor in new[] { TestData.MemberActor(member), TestData.OrganiserActor(course.OrganiserId) })
        {
            var refused = await dossiers.LoadAsync(actor, id);
            Assert.Equal((OutcomeKind.Forbidden, "只有計畫辦公室可以使用管理中心", (Dossier?)null), (refused.Kind, refused.Message, refused.Value));
        }
        var missing = await dossiers.LoadAsync(TestData.Office, 999_999);
        Assert.Equal((OutcomeKind.NotFound, "找不到此申請"), (missing.Kind, missing.Message));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Showing_the_full_national_id_returns_it_and_writes_exactly_one_audit_entry_naming_the_masked_id_and_who(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var member = await kit.MemberAsync();
        var nationalId = await GiveNationalIdAsync(kit, member);
        var before = await AuditAsync(kit);

        var shown = await Reveal(kit).RevealAsync(TestData.Office, member.Id, "審核申請");

        Assert.True(shown.Succeeded, shown.Message);
        Assert.Equal(nationalId, shown.Value);
        var entry = Assert.Single((await AuditAsync(kit)).Skip(before.Count));
        Assert.Equal(("nationalid.read", "office-id", "計畫辦公室", "Member", member.Id, kit.Clock.GetUtcNow()),
            (entry.Action, entry.ActorId, entry.ActorName, entry.EntityType, entry.EntityId, entry.At));
        Assert.Contains("A1****6138", entry.Details);
        Assert.Contains("審核申請", entry.Details);
        Assert.DoesNotContain(nationalId, entry.Details);

        // Each read is audited on its own.
        await Reveal(kit).RevealAsync(TestData.Office, member.Id, "再次確認");
        Assert.Equal(2, (await AuditAsync(kit)).Skip(before.Count).Count(e => e.Action == "nationalid.read"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Only_the_office_may_show_the_full_national_id_and_a_refusal_writes_nothing(DatabaseProvider provider)
    {
        await using var kit = await ManualReviewAsync(provider);
        var course = await kit.CourseAsync("資料科學", kit.Today.AddDays(10));
        var member = await kit.MemberAsync();
        await GiveNationalIdAsync(kit, member);
        await kit.ApplyAsync(member, course);
        var noId = await kit.MemberAsync();
        await using (var db = kit.Db())
        {
            db.MemberProfiles.Remove(await db.MemberProfiles.SingleAsync(p => p.UserId == noId.Id));
            await db.SaveChangesAsync();
        }
        var before = await AuditAsync(kit);

        foreach (var actor in new[] { TestData.MemberActor(member), TestData.OrganiserActor(course.OrganiserId), Actor.Visitor })
        {
            var refused = await Reveal(kit).RevealAsync(actor, member.Id, "想看看");
            Assert.Equal((OutcomeKind.Forbidden, (string?)null), (refused.Kind, refused.Value));
        }
        var none = await Reveal(kit).RevealAsync(TestData.Office, noId.Id, "審核申請");
        Assert.Equal((OutcomeKind.NotFound, "此會員尚未填寫身分證字號"), (none.Kind, none.Message));

        Assert.Equal(before.Count, (await AuditAsync(kit)).Count);
    }
}
