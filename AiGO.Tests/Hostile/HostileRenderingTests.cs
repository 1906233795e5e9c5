using AiGO.Domain.Accounts;
using AiGO.Domain.Applications;
using AiGO.Domain.Common;
using AiGO.Web.Components.Pages.Applications;
using AiGO.Web.Components.Pages.Office;
using Bunit;
using MudBlazor.Services;

namespace AiGO.Tests.Hostile;

/// <summary>Hostile text that was stored (it is text, so it may be) is written escaped wherever a page shows it.</summary>
public class HostileRenderingTests : BunitContext, IAsyncLifetime
{
    private const string Script = "<script>alert('x')</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    public HostileRenderingTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_course_name_and_a_rejection_reason_with_markup_are_shown_as_text()
    {
        var application = new MyApplication(
            ApplicationId: 7, CourseId: 3, OrganiserName: Image, CourseName: Script,
            Start: new DateOnly(2020, 5, 6), End: new DateOnly(2020, 6, 6), ExpectedDisbursement: new DateOnly(2020, 7, 6), DisbursedOn: null,
            Status: ApplicationStatus.Rejected, Subsidy: 0, HoldsMoney: false, WaitlistPosition: null,
            RejectionReason: "=HYPERLINK(\"http://x\")" + Image, CanReapply: false, CancelRefusal: "x", TestText: "", QuestionnaireText: "", QuestionnaireFilled: false,
            QuestionnaireRefusal: null, Checklist: null, History: []);

        var card = Render<MyApplicationCard>(p => p.Add(c => c.Application, application));

        Assert.Empty(card.FindAll("script"));
        Assert.Empty(card.FindAll("img"));
        Assert.Contains(Script, card.FindAll("dd").Select(dd => dd.TextContent.Trim()));
        Assert.Contains(Image, card.FindAll("dd").Select(dd => dd.TextContent.Trim()));
        Assert.Contains("&lt;script&gt;", card.Markup);
    }

    [Fact]
    public void A_personal_data_request_with_markup_reaches_the_office_as_text()
    {
        var row = new PrivacyRequestRow(5, PrivacyRequestKind.Correction, "m", Script, "a@example.tw", Image + "\n' OR '1'='1",
            DateTimeOffset.Parse("2026-11-25T01:00:00Z"), new DateOnly(2026, 12, 25), false, null, PrivacyRequestState.Open, null, null, null, false, 30);

        var card = Render<PrivacyRequestCard>(p => p
            .Add(c => c.Row, row)
            .Add(c => c.Extend, _ => Task.FromResult(Outcome.Ok))
            .Add(c => c.Complete, _ => Task.FromResult(Outcome.Ok))
            .Add(c => c.Decline, _ => Task.FromResult(Outcome.Ok)));

        Assert.Empty(card.FindAll("script"));
        Assert.Empty(card.FindAll("img"));
        Assert.Contains(Image, card.Find(".pre").TextContent);
        Assert.Contains(Script, card.Find(".request-facts").TextContent);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
