using System.Collections.Concurrent;
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

        instanceA.ApplicationChanged(42, 7, "member-1");

        Assert.Equal(new LiveChange(7, 42, "member-1"), await onB.Reader.ReadAsync().AsTask().WaitAsync(Within));
        Assert.Equal(new LiveChange(7, 42, "member-1"), await onA.Reader.ReadAsync().AsTask().WaitAsync(Within));
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

        production.CourseChanged(3);

        await Task.Delay(500);
        Assert.False(heard.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Without_redis_or_while_it_is_unreachable_this_instances_pages_still_hear_changes()
    {
        using var single = new LiveUpdates(NullLogger<LiveUpdates>.Instance);
        var onSingle = Listen(single);
        single.CourseChanged(5);
        Assert.Equal(new LiveChange(5, null, null), await onSingle.Reader.ReadAsync().AsTask().WaitAsync(Within));

        var unreachable = ConfigurationOptions.Parse("127.0.0.1:1");
        unreachable.AbortOnConnectFail = false;
        unreachable.ConnectTimeout = 200;
        await using var down = await ConnectionMultiplexer.ConnectAsync(unreachable);
        using var cutOff = new LiveUpdates(NullLogger<LiveUpdates>.Instance, down);
        var onCutOff = Listen(cutOff);
        cutOff.CourseChanged(6);
        Assert.Equal(new LiveChange(6, null, null), await onCutOff.Reader.ReadAsync().AsTask().WaitAsync(Within));
    }

    private static System.Threading.Channels.Channel<LiveChange> Listen(LiveUpdates live)
    {
        var heard = System.Threading.Channels.Channel.CreateUnbounded<LiveChange>();
        live.Changed += change => heard.Writer.WriteAsync(change).AsTask();
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
            elsewhere.Changed += change => heard.Writer.WriteAsync(change).AsTask();
            await Task.Delay(200);

            var notifier = app.Services.GetRequiredService<AiGO.Domain.Common.IChangeNotifier>();
            Assert.Same(app.Services.GetRequiredService<LiveUpdates>(), notifier);
            notifier.CourseChanged(11);

            Assert.Equal(new LiveChange(11, null, null), await heard.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2)));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
