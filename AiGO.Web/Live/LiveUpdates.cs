using System.Collections.Immutable;
using System.Text.Json;
using AiGO.Domain.Common;
using StackExchange.Redis;

namespace AiGO.Web.Live;

/// <summary>What a page shows, as the changes it must hear of: a course, a member, an organiser, or everything (the board).</summary>
public sealed record LiveTopic(string Name, Func<LiveChange, bool> Matches)
{
    public static LiveTopic Course(int courseId) => new($"course:{courseId}", c => c.CourseId == courseId);
    public static LiveTopic Member(string memberId) => new($"member:{memberId}", c => c.MemberId == memberId && !c.SessionsEnded);
    public static LiveTopic Organiser(int organiserId) => new($"organiser:{organiserId}", c => c.OrganiserId == organiserId);
    public static readonly LiveTopic Everything = new("all", c => !c.SessionsEnded);

    /// <summary>A change to any member that is not about one application: a learning credit uploaded or reviewed, a sanction.</summary>
    /// <summary>An edit of the code tables: forms that offer codes read them again.</summary>
    public static readonly LiveTopic CodeTables = new("codes", c => c.CodeTables);

    public static readonly LiveTopic MemberChanges = new("members", c => c.MemberId is not null && c.ApplicationId is null && c.CourseId is null && !c.SessionsEnded);

    /// <summary>A sign-in of this account ended (not a change of what any page shows): its open pages check their session.</summary>
    public static LiveTopic SessionsOf(string userId) => new($"sessions:{userId}", c => c.SessionsEnded && c.MemberId == userId);

    /// <summary>Whatever any of <paramref name="topics"/> matches, e.g. a course page that also follows its member.</summary>
    public static LiveTopic Either(params LiveTopic[] topics) =>
        topics.Length == 1 ? topics[0] : new(string.Join("|", topics.Select(t => t.Name)), c => topics.Any(t => t.Matches(c)));
}

/// <summary>
/// The one notification service (SPEC §14): services publish after commit, pages subscribe to what they show.
/// With one instance it delivers in-process. With several, give it Redis: every change is published on one
/// channel and each instance (the publisher too) delivers what it receives, so a page on any instance hears a
/// change made on any other, once. While Redis is unreachable it delivers locally, so this instance's own
/// pages keep updating. Handlers run off the publisher's thread: components must InvokeAsync (see <see cref="LivePage"/>).
/// </summary>
public sealed class LiveUpdates : IChangeNotifier, IDisposable
{
    private readonly ILogger<LiveUpdates> _logger;
    private readonly IConnectionMultiplexer? _redis;
    private readonly RedisChannel _channel;
    private ImmutableList<Subscription> _subscriptions = [];

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

    /// <summary>Calls <paramref name="onChange"/> for every change <paramref name="topic"/> matches, until the result is disposed.</summary>
    public IDisposable Subscribe(LiveTopic topic, Func<LiveChange, Task> onChange)
    {
        var subscription = new Subscription(this, topic, onChange);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    public void Publish(LiveChange change)
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
        foreach (var subscription in _subscriptions)
        {
            if (!subscription.Topic.Matches(change)) continue;
            // A slow or broken page must not hold up the change that caused the notice.
            _ = Task.Run(async () =>
            {
                try { await subscription.OnChange(change); }
                catch (Exception ex) { _logger.LogWarning(ex, "A live-update subscriber of {Topic} failed", subscription.Topic.Name); }
            });
        }
    }

    public void Dispose() => _redis?.GetSubscriber().Unsubscribe(_channel, flags: CommandFlags.FireAndForget);

    private sealed class Subscription(LiveUpdates owner, LiveTopic topic, Func<LiveChange, Task> onChange) : IDisposable
    {
        public LiveTopic Topic => topic;
        public Func<LiveChange, Task> OnChange => onChange;

        public void Dispose() => ImmutableInterlocked.Update(ref owner._subscriptions, list => list.Remove(this));
    }
}
