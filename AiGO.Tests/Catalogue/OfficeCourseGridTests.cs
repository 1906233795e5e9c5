using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AiGO.Tests.Catalogue;

[Collection(AppCollection.Name)]
public class OfficeCourseGridTests(AppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task The_office_edits_a_course_inline_and_a_broken_fee_split_is_refused_in_words()
    {
        var page = await browser.NewPageAsync(app.BaseUrl);
        await page.AsAsync("office@aigo.example.tw", returnUrl: "office/courses?q=" + Uri.EscapeDataString("推薦系統"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "課程維護" })).ToBeVisibleAsync();
        var grid = page.GetByRole(AriaRole.Table);
        await Assertions.Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("office-01-courses");
        await page.AssertNoSeriousViolationsAsync();

        var seats = grid.GetByRole(AriaRole.Spinbutton, new() { Name = "預計招生人數" });
        await seats.FillAsync("33");
        await seats.PressAsync("Tab");
        await grid.GetByRole(AriaRole.Button, new() { Name = "儲存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已儲存「", new() { Exact = false })).ToBeVisibleAsync();
        await using (var db = app.CreateDbContext())
            Assert.Equal(33, (await db.Courses.SingleAsync(c => c.Name.Contains("推薦系統"))).PlannedSeats);

        var government = grid.GetByRole(AriaRole.Spinbutton, new() { Name = "政府負擔" });
        await government.FillAsync("999999");
        await government.PressAsync("Tab");
        await grid.GetByRole(AriaRole.Button, new() { Name = "儲存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("須等於課程費用", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(government).ToHaveValueAsync("999999"); // the rejected input stays to be corrected
        await page.ScreenshotAsync("office-02-refused");
        await using (var db = app.CreateDbContext())
        {
            var course = await db.Courses.SingleAsync(c => c.Name.Contains("推薦系統"));
            Assert.Equal(course.TotalFee, course.GovernmentShare + course.TraineeShare);
        }
    }
}
