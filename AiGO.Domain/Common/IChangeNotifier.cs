namespace AiGO.Domain.Common;

/// <summary>
/// Tells open pages that something changed after a commit (a seat taken, a status changed), so boards,
/// 課程管理 and the subsidy meter refresh without reloading. In-process for one instance, Redis for several.
/// </summary>
public interface IChangeNotifier
{
    void CourseChanged(int courseId);
    void ApplicationChanged(int applicationId, int courseId, string memberId);
}
