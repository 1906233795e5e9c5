using System.Collections.Concurrent;
using AiGO.Domain.Common;
using AiGO.Tests.Infrastructure;
using AiGO.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AiGO.Tests.Live;

/// <summary>SPEC §14: live updates reach the pages of every instance through Redis, and of this one without it.</summary>
public class LiveUpdatesTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_change_on_one_instance_reaches_pages_on_every_instance_once()
    {
        var channel = $"aigo:test:{Guid.NewGuid():N}";
        await using var muxA = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await using var muxB = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        using var instanceA = new LiveUpdates(NullLogger<LiveUpdates>.Instance, muxA, channel);
        using var instanceB = new LiveUpdates(NullLogger<LiveUpdates>.Instance, muxB, channel);
        var onA = Listen(instanceA);
        var onB = Listen(instanceB);
        await Task.Delay(200); // the subscriptions are registered with the server

        instanceA.Publish(LiveChange.ForApplication(42, 7, 3, "member-1"));

        Assert.Equal(new LiveChange(7, 3, 42, "member-1"), await onB.Reader.ReadAsync().AsTask().WaitAsync(Within));
        Assert.Equal(new LiveChange(7, 3, 42, "member-1"), await onA.Reader.ReadAsync().AsTask().WaitAsync(Within));
        await Task.Delay(300);
        Assert.False(onA.Reader.TryRead(out _), "the publishing instance heard its change twice");
        Assert.False(onB.Reader.TryRead(out _), "the other instance heard the change twice");
    }

    [Fact]
    public async Task Another_channel_does_not_hear_it()
    {
        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        using var production = new LiveUpdates(NullLogger<LiveUpdates>.Instance, mux, "aigo:prod:" + Guid.NewGuid().ToString("N"));
        using var staging = new LiveUpdates(NullLogger<LiveUpdates>.Instance, mux, "aigo:staging:" + Guid.NewGuid().ToString("N"));
        var heard = Listen(staging);
        await Task.Delay(200);

        production.Publish(LiveChange.ForCourse(3, 1));

        await Task.Delay(500);
        Assert.False(heard.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Without_redis_or_while_it_is_unreachable_this_instances_pages_still_hear_changes()
    {
        using var single = new LiveUpdates(NullLogger<LiveUpdates>.Instance);
        var onSingle = Listen(single);
        single.Publish(LiveChange.ForCourse(5, 1));
        Assert.Equal(LiveChange.ForCourse(5, 1), await onSingle.Reader.ReadAsync().AsTask().WaitAsync(Within));

        var unreachable = ConfigurationOptions.Parse("127.0.0.1:1");
        unreachable.AbortOnConnectFail = false;
        unreachable.ConnectTimeout = 200;
        await using var down = await ConnectionMultiplexer.ConnectAsync(unreachable);
        using var cutOff = new LiveUpdates(NullLogger<LiveUpdates>.Instance, down);
        var onCutOff = Listen(cutOff);
        cutOff.Publish(LiveChange.ForCourse(6, 1));
        Assert.Equal(LiveChange.ForCourse(6, 1), await onCutOff.Reader.ReadAsync().AsTask().WaitAsync(Within));
    }

    [Fact]
    public async Task A_page_hears_only_its_topic_and_nothing_once_it_has_gone()
    {
        using var live = new LiveUpdates(NullLogger<LiveUpdates>.Instance);
        var course = Listen(live, LiveTopic.Course(7));
        var member = Listen(live, LiveTopic.Member("m-1"));
        var organiser = Listen(live, LiveTopic.Organiser(3));
        var gone = System.Threading.Channels.Channel.CreateUnbounded<LiveChange>();
        live.Subscribe(LiveTopic.Everything, change => gone.Writer.WriteAsync(change).AsTask()).Dispose();

        var applied = LiveChange.ForApplication(42, 7, 3, "m-2");
        live.Publish(applied);
        live.Publish(LiveChange.ForCourse(8, 4));
        live.Publish(LiveChange.ForMember("m-1"));

        Assert.Equal(applied, await course.Reader.ReadAsync().AsTask().WaitAsync(Within));
        Assert.Equal(applied, await organiser.Reader.ReadAsync().AsTask().WaitAsync(Within));
        Assert.Equal(LiveChange.ForMember("m-1"), await member.Reader.ReadAsync().AsTask().WaitAsync(Within));
        await Task.Delay(300);
        Assert.False(course.Reader.TryRead(out _), "the course page heard another course");
        Assert.False(organiser.Reader.TryRead(out _), "the organiser's page heard another organiser's course");
        Assert.False(member.Reader.TryRead(out _), "the member's page heard another member");
        Assert.False(gone.Reader.TryRead(out _), "a disposed subscription still heard changes");
    }

    private static System.Threading.Channels.Channel<LiveChange> Listen(LiveUpdates live, LiveTopic? topic = null)
    {
        var heard = System.Threading.Channels.Channel.CreateUnbounded<LiveChange>();
        live.Subscribe(topic ?? LiveTopic.Everything, change => heard.Writer.WriteAsync(change).AsTask());
        return heard;
    }
}

/// <summary>The app configured with <c>Redis:Configuration</c> sends its changes through Redis.</summary>
public class RedisConfiguredAppTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_status_change_in_the_app_is_published_for_the_other_instances()
    {
        var app = new AppFixture(new Dictionary<string, string> { ["Redis:Configuration"] = redis.Configuration, ["Redis:Channel"] = "aigo:app-test" });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            await using var otherInstance = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
            using var elsewhere = new LiveUpdates(NullLogger<LiveUpdates>.Instance, otherInstance, "aigo:app-test");
            var heard = System.Threading.Channels.Channel.CreateUnbounded<LiveChange>();
            using var _ = elsewhere.Subscribe(LiveTopic.Everything, change => heard.Writer.WriteAsync(change).AsTask());
            await Task.Delay(200);

            var notifier = app.Services.GetRequiredService<AiGO.Domain.Common.IChangeNotifier>();
            Assert.Same(app.Services.GetRequiredService<LiveUpdates>(), notifier);
            notifier.Publish(LiveChange.ForCourse(11, 2));

            Assert.Equal(LiveChange.ForCourse(11, 2), await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2)));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
