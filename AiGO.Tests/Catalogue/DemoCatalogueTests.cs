using AiGO.Domain.Catalogue;
using AiGO.Domain.Data;
using AiGO.Domain.Organisers;

namespace AiGO.Tests.Catalogue;

/// <summary>The demo's courses are ones an organiser could publish: their 上課日 add up to their hours, within their dates.</summary>
public class DemoCatalogueTests
{
    [Theory]
    [InlineData("2026-11-30")] // a Monday
    [InlineData("2026-12-03")] // a Thursday
    [InlineData("2026-12-06")] // a Sunday
    public void Every_demo_course_has_sessions_that_add_up_to_its_hours_whatever_day_the_demo_starts(string today)
    {
        var organisers = DemoCourses.Organisers().ToDictionary(o => o.Name);
        var courses = DemoCourses.Build(DateOnly.Parse(today), name => organisers[name]);
        Assert.All(courses, c =>
        {
            Assert.True(c.Sessions.Sum(s => s.Minutes) == c.Hours * 60, $"{c.Name}: {c.Sessions.Sum(s => s.Minutes)} minutes for {c.Hours} hours");
            Assert.All(c.Sessions, s => Assert.InRange(s.Date, c.StartDate, c.EndDate));
            Assert.Empty(EditSessions.Validate(c, c.Sessions.Select(s => new SessionInput(s.Date, s.Start, s.End, s.Minutes)).ToList()));
        });
    }
}
