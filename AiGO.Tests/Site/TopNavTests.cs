using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Web.Accounts;
using AiGO.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace AiGO.Tests.Site;

public class TopNavTests : BunitContext, IAsyncLifetime
{
    public TopNavTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // The heartbeat talks to the server-side sessions (tested in SessionLimitTests); the menu does not need it.
        ComponentFactories.AddStub<SessionHeartbeat>();
    }

    [Fact]
    public void A_visitor_sees_sign_in_and_no_staff_menus()
    {
        AddAuthorization();
        var nav = RenderAt(Breakpoint.Lg);

        Assert.Contains("註冊/登入", nav.Markup);
        Assert.DoesNotContain("培訓中心", nav.Markup);
        Assert.DoesNotContain("管理中心", nav.Markup);
    }

    [Fact]
    public void A_member_sees_their_name_and_the_user_menu()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("trainee@example.tw");
        auth.SetRoles(Roles.Trainee);
        auth.SetClaims(new Claim(AppClaimsPrincipalFactory.DisplayNameClaim, "陳志堅"));
        var popovers = Render<MudPopoverProvider>();
        var nav = RenderAt(Breakpoint.Lg);

        Assert.Contains("陳志堅", nav.Markup);
        Assert.DoesNotContain("註冊/登入", nav.Markup);
        Assert.DoesNotContain("培訓中心", nav.Markup);

        nav.FindAll(".menus button").Single(b => b.TextContent.Contains("陳志堅")).Click();
        Assert.Contains("帳號管理", popovers.Markup);
        Assert.Contains("課程管理", popovers.Markup);
        Assert.Contains("登出", popovers.Markup);
    }

    [Fact]
    public void Staff_see_the_menus_of_their_roles()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("staff@example.tw");
        auth.SetRoles(Roles.Organiser, Roles.Office);
        var popovers = Render<MudPopoverProvider>();
        var nav = RenderAt(Breakpoint.Lg);

        Assert.Contains("培訓中心", nav.Markup);
        Assert.Contains("管理中心", nav.Markup);

        // 課程管理 lists a trainee's own applications: a staff account has none.
        nav.FindAll(".menus button").Single(b => b.TextContent.Contains("staff@example.tw")).Click();
        Assert.Contains("帳號管理", popovers.Markup);
        Assert.DoesNotContain("課程管理", popovers.Markup);
    }

    [Fact]
    public void On_a_phone_the_menus_fold_into_a_drawer_behind_one_button()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("trainee@example.tw");
        auth.SetRoles(Roles.Trainee);
        auth.SetClaims(new Claim(AppClaimsPrincipalFactory.DisplayNameClaim, "陳志堅"));
        var nav = RenderAt(Breakpoint.Xs);

        Assert.Empty(nav.FindAll(".menus"));
        var button = nav.Find("button[data-testid=menu-button]");
        Assert.Equal("開啟選單", button.GetAttribute("aria-label"));
        Assert.Equal("false", button.GetAttribute("aria-expanded"));

        button.Click();
        var drawer = nav.Find("#menu-drawer");
        foreach (var group in new[] { "關於AiGO", "學習專區", "技術專區", "高中生AI", "陳志堅" })
            Assert.Contains(group, drawer.TextContent);
        foreach (var link in new[] { "解題競賽", "AI HUB", "帳號管理", "課程管理", "登出" })
            Assert.Contains(link, drawer.TextContent);
        Assert.Equal("true", nav.Find("button[aria-label=開啟選單]").GetAttribute("aria-expanded"));
    }

    /// <summary>MudHidden takes the breakpoint the browser reports; here it is cascaded as MudBreakpointProvider would.</summary>
    private IRenderedComponent<TopNav> RenderAt(Breakpoint breakpoint) =>
        Render<TopNav>(p => p.AddCascadingValue(breakpoint));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
