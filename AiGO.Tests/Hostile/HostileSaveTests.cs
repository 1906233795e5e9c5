using System.Security.Claims;
using AiGO.Domain.Accounts;
using AiGO.Domain.Catalogue;
using AiGO.Domain.Common;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiGO.Tests.Hostile;

/// <summary>A hostile save is refused at the field and what was saved before stays as it was.</summary>
[Collection(AppCollection.Name)]
public class HostileSaveTests(AppFixture app)
{
    public static TheoryData<string, string> Payloads() => new()
    {
        { "NUL", "陳志\0堅" }, { "right-to-left override", "陳志\u202E堅" }, { "zero-width space", "陳\u200B志堅" }, { "6000 CJK characters", new string('陳', 6000) },
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task A_hostile_name_in_the_basic_data_is_refused_and_the_saved_data_stays(string payload, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var edit = scope.ServiceProvider.GetRequiredService<EditProfile>();
        string id;
        await using (var db = app.CreateDbContext()) id = (await db.Users.SingleAsync(u => u.Email == "trainee@aigo.example.tw")).Id;
        var me = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
        var before = (await edit.LoadAsync(me)).Profile;

        var input = before.Clone();
        input.Name = name;
        input.Phone = "0277778888";
        var errors = await edit.SaveAsync(me, input);

        var error = Assert.Single(errors);
        Assert.Equal(ProfileField.Name, error.Field);
        Assert.Matches(HostileSuite.Chinese(), error.Message);
        var after = (await edit.LoadAsync(me)).Profile;
        Assert.Equal((before.Name, before.Phone, before.NationalId), (after.Name, after.Phone, after.NationalId));
        Assert.True(payload.Length > 0);
    }

    [Fact]
    public async Task A_course_edit_with_an_overlong_address_and_a_bad_contact_email_is_refused_and_the_course_stays()
    {
        var office = new Actor("office-hostile", "計畫辦公室", new HashSet<string> { Roles.Office }, null);
        Course edited;
        await using (var db = app.CreateDbContext()) edited = await db.Courses.AsNoTracking().SingleAsync(c => c.Name == "AI+大數據分析應用實務");
        var (address, email) = (edited.Address, edited.ContactEmail);
        edited.Address = new string('路', CourseRules.MaxAddressLength + 1);
        edited.ContactEmail = "王 <a@b@example.com>";

        var outcome = await app.Services.GetRequiredService<SaveCourse>().UpdateAsync(office, edited);

        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal([nameof(Course.Address), nameof(Course.ContactEmail)], outcome.Errors.Select(e => e.Field).Order());
        await using var check = app.CreateDbContext();
        var stored = await check.Courses.AsNoTracking().SingleAsync(c => c.Id == edited.Id);
        Assert.Equal((address, email), (stored.Address, stored.ContactEmail));
    }
}
