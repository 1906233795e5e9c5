using AiGO.Domain.Common;

namespace AiGO.Web.Live;

/// <summary>A change that open pages may care about.</summary>
public sealed record LiveChange(int? CourseId, int? ApplicationId, string? MemberId);

/// <summary>
/// The one notification service (SPEC §14): services publish after commit, components subscribe and refresh.
/// In-process for one instance. Handlers run on the publisher's thread: components must InvokeAsync.
/// </summary>
public sealed class LiveUpdates(ILogger<LiveUpdates> logger) : IChangeNotifier
{
    public event Func<LiveChange, Task>? Changed;

    public void CourseChanged(int courseId) => Publish(new LiveChange(courseId, null, null));

    public void ApplicationChanged(int applicationId, int courseId, string memberId) => Publish(new LiveChange(courseId, applicationId, memberId));

    private void Publish(LiveChange change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<LiveChange, Task>>())
        {
            // A slow or broken page must not hold up the change that caused the notice.
            _ = Task.Run(async () =>
            {
                try { await handler(change); }
                catch (Exception ex) { logger.LogWarning(ex, "A live-update subscriber failed"); }
            });
        }
    }
}
