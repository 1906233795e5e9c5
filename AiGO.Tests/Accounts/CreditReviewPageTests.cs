using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Common;
using AiGO.Domain.Data;
using AiGO.Tests.Applications;
using AiGO.Web.Accounts;
using AiGO.Web.Components.Pages.Office;
using AiGO.Web.Live;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace AiGO.Tests.Accounts;

/// <summary>學習積分審核 rendered over the real services: the empty state, and a proof that arrives while the page is open.</summary>
public class CreditReviewPageTests : BunitContext, IAsyncLifetime
{
    private ApplicationsKit _kit = null!;
    private readonly LiveUpdates _live = new(NullLogger<LiveUpdates>.Instance);

    public async Task InitializeAsync()
    {
        _kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_kit.Get<CreditReviewQueue>());
        Services.AddSingleton(_kit.Get<ReviewLearningCredit>());
        Services.AddSingleton<TimeProvider>(_kit.Clock);
        Services.AddSingleton(_live);
        Services.AddScoped<CurrentActor>();
        var auth = AddAuthorization();
        auth.SetAuthorized(CreditReviewKit.Office.Name);
        auth.SetRoles(Roles.Office);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, CreditReviewKit.Office.Id!));
    }

    [Fact]
    public async Task With_nothing_waiting_it_says_so_and_a_new_upload_appears_without_reload()
    {
        Render<MudPopoverProvider>();
        var page = Render<CreditReview>();
        page.WaitForAssertion(() => Assert.Equal("目前沒有待審核的學習積分", page.Find("[data-testid=no-pending]").TextContent.Trim()));
        Assert.Contains("尚無審核紀錄。", page.Markup);

        var member = await _kit.MemberAsync("王小美", credits: 0);
        await _kit.PendingProofAsync(member, "AI 概論結業證書");
        _live.Publish(LiveChange.ForMember(member.Id)); // as the upload does after saving

        page.WaitForAssertion(() => Assert.Contains("AI 概論結業證書", page.Find("[data-testid=pending-proof]").TextContent), TimeSpan.FromSeconds(2));
        Assert.Equal("待審核（1 件）", page.Find("[data-testid=pending-count]").TextContent.Trim());
        Assert.Equal("2", page.Find($"#points-{page.Find("[data-testid=pending-proof]").GetAttribute("data-credit-id")}").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=no-pending]"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        _live.Dispose();
        await _kit.DisposeAsync();
    }
}
