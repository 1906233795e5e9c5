using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Tests.Applications;
using AiGO.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AiGO.Tests.Catalogue;

public class CourseVisibilityTests
{
    [Theory]
    [InlineData(CourseStatus.Testing)]
    [InlineData(CourseStatus.Draft)]
    [InlineData(CourseStatus.Closed)]
    public async Task The_applicant_the_owning_organiser_and_the_office_open_a_course_that_is_not_public_others_do_not(CourseStatus status)
    {
        await using var kit = await ApplicationsKit.CreateAsync(DatabaseProvider.Sqlite);
        var course = await kit.CourseAsync("會改狀態的課程", kit.Today.AddDays(30));
        var applicant = await kit.MemberAsync();
        await kit.ApplyAsync(applicant, course);
        await using (var db = kit.Db())
            await db.Courses.Where(c => c.Id == course.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, status));
        var details = kit.Get<CourseDetails>();

        Assert.NotNull(await details.GetAsync(course.Id, TestData.MemberActor(applicant)));
        Assert.NotNull(await details.GetAsync(course.Id, TestData.OrganiserActor(course.OrganiserId)));
        Assert.NotNull(await details.GetAsync(course.Id, TestData.Office));
        var publicCourse = status == CourseStatus.Closed;
        Assert.Equal(publicCourse, await details.GetAsync(course.Id, TestData.MemberActor(await kit.MemberAsync())) is not null);
        Assert.Equal(publicCourse, await details.GetAsync(course.Id, TestData.OrganiserActor(course.OrganiserId + 1000)) is not null);
        Assert.Equal(publicCourse, await details.GetAsync(course.Id, null) is not null);
        Assert.Null(await details.GetAsync(course.Id + 1000, TestData.Office));
    }
}
