namespace AiGO.Domain.Common;

/// <summary>
/// A change that open pages may care about, published after its commit. It names the course, the course's
/// 開課單位, and for an application the application and its member, so each page can pick what it shows.
/// </summary>
public sealed record LiveChange(int? CourseId, int? OrganiserId, int? ApplicationId, string? MemberId)
{
    /// <summary>A code table changed (代碼維護): open forms read their choices again.</summary>
    public bool CodeTables { get; init; }

    /// <summary>One or more sign-ins of <see cref="MemberId"/> ended: open pages of that account check theirs at once.</summary>
    public bool SessionsEnded { get; init; }

    public static LiveChange ForSessionsOf(string userId) => new(null, null, null, userId) { SessionsEnded = true };

    public static LiveChange ForCodeTables() => new(null, null, null, null) { CodeTables = true };

    public static LiveChange ForCourse(int courseId, int? organiserId) => new(courseId, organiserId, null, null);

    public static LiveChange ForApplication(int applicationId, int courseId, int? organiserId, string memberId) =>
        new(courseId, organiserId, applicationId, memberId);

    /// <summary>A change to a member that is not about one application (a credit review, a sanction).</summary>
    public static LiveChange ForMember(string memberId) => new(null, null, null, memberId);
}

/// <summary>
/// Tells open pages that something changed after a commit (a seat taken, a status changed), so boards,
/// 課程管理 and the subsidy meter refresh without reloading. In-process for one instance, Redis for several.
/// </summary>
public interface IChangeNotifier
{
    void Publish(LiveChange change);
}
