using System.Text.Json;
using AiGO.Domain.Common;
using StackExchange.Redis;

namespace AiGO.Web.Live;

/// <summary>A change that open pages may care about.</summary>
public sealed record LiveChange(int? CourseId, int? ApplicationId, string? MemberId);

/// <summary>
/// The one notification service (SPEC §14): services publish after commit, components subscribe and refresh.
/// With one instance it delivers in-process. With several, give it Redis: every change is published on one
/// channel and each instance (the publisher too) delivers what it receives, so a page on any instance hears a
/// change made on any other, once. While Redis is unreachable it delivers locally, so this instance's own
/// pages keep updating. Handlers run off the publisher's thread: components must InvokeAsync.
/// </summary>
public sealed class LiveUpdates : IChangeNotifier, IDisposable
{
    private readonly ILogger<LiveUpdates> _logger;
    private readonly IConnectionMultiplexer? _redis;
    private readonly RedisChannel _channel;

    public LiveUpdates(ILogger<LiveUpdates> logger, IConnectionMultiplexer? redis = null, string channel = "aigo:live")
    {
        _logger = logger;
        _redis = redis;
        _channel = RedisChannel.Literal(channel);
        // Fire and forget: with Redis down at start-up the app still starts, and the client subscribes when it connects.
        _redis?.GetSubscriber().Subscribe(_channel, (_, message) => Receive(message), CommandFlags.FireAndForget);
    }

    /// <summary>How long a page waits to gather a burst of changes into one refresh (see <see cref="RefreshGate"/>).</summary>
    public static readonly TimeSpan RefreshWindow = TimeSpan.FromMilliseconds(200);

    public event Func<LiveChange, Task>? Changed;

    public void CourseChanged(int courseId) => Publish(new LiveChange(courseId, null, null));

    public void ApplicationChanged(int applicationId, int courseId, string memberId) => Publish(new LiveChange(courseId, applicationId, memberId));

    private void Publish(LiveChange change)
    {
        if (_redis is { IsConnected: true })
        {
            try
            {
                _redis.GetSubscriber().Publish(_channel, JsonSerializer.Serialize(change), CommandFlags.FireAndForget);
                return;
            }
            catch (RedisException ex)
            {
                _logger.LogWarning(ex, "Redis publish failed; delivering this change to this instance only");
            }
        }
        Deliver(change);
    }

    private void Receive(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<LiveChange>(message.ToString()) is { } change) Deliver(change);
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a malformed live-update message");
        }
    }

    private void Deliver(LiveChange change)
    {
        var handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<LiveChange, Task>>())
        {
            // A slow or broken page must not hold up the change that caused the notice.
            _ = Task.Run(async () =>
            {
                try { await handler(change); }
                catch (Exception ex) { _logger.LogWarning(ex, "A live-update subscriber failed"); }
            });
        }
    }

    public void Dispose() => _redis?.GetSubscriber().Unsubscribe(_channel, flags: CommandFlags.FireAndForget);
}
