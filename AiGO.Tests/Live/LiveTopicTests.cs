using AiGO.Domain.Common;
using AiGO.Web.Live;

namespace AiGO.Tests.Live;

/// <summary>What each kind of page hears: the wizard its member, the course page its course and member, 學習積分審核 every member's credits.</summary>
public class LiveTopicTests
{
    private static readonly LiveChange CreditReviewed = LiveChange.ForMember("member-1");
    private static readonly LiveChange OtherMember = LiveChange.ForMember("member-2");
    private static readonly LiveChange Submission = LiveChange.ForApplication(42, 7, 3, "member-2");
    private static readonly LiveChange CourseEdited = LiveChange.ForCourse(7, 3);

    [Fact]
    public void A_course_page_that_follows_its_member_hears_the_members_credit_review_and_its_course()
    {
        var topic = LiveTopic.Either(LiveTopic.Course(7), LiveTopic.Member("member-1"));

        Assert.True(topic.Matches(CreditReviewed));
        Assert.True(topic.Matches(CourseEdited));
        Assert.True(topic.Matches(Submission));
        Assert.False(topic.Matches(OtherMember));
        Assert.Equal("course:7|member:member-1", topic.Name);
    }

    [Fact]
    public void The_credit_review_page_hears_every_member_change_but_not_applications_or_courses()
    {
        Assert.True(LiveTopic.MemberChanges.Matches(CreditReviewed));
        Assert.True(LiveTopic.MemberChanges.Matches(OtherMember));
        Assert.False(LiveTopic.MemberChanges.Matches(Submission));
        Assert.False(LiveTopic.MemberChanges.Matches(CourseEdited));
    }
}
