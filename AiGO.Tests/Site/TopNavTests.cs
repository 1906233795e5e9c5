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
    }

    [Fact]
    public void A_visitor_sees_sign_in_and_no_staff_menus()
    {
        AddAuthorization();
        var nav = Render<TopNav>();

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
        var nav = Render<TopNav>();

        Assert.Contains("陳志堅", nav.Markup);
        Assert.DoesNotContain("註冊/登入", nav.Markup);
        Assert.DoesNotContain("培訓中心", nav.Markup);

        nav.FindAll("button").Single(b => b.TextContent.Contains("陳志堅")).Click();
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
        var nav = Render<TopNav>();

        Assert.Contains("培訓中心", nav.Markup);
        Assert.Contains("管理中心", nav.Markup);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
