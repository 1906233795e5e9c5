using AiGO.Domain.Common;
using StackExchange.Redis;

namespace AiGO.Web.Live;

public static class LiveSetup
{
    /// <summary>
    /// The live-update service: in-process for one instance; with <c>Redis:Configuration</c>, shared through Redis,
    /// with SignalR scaled out on the same server (SPEC §14).
    /// </summary>
    public static IServiceCollection AddAiGoLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Redis:Configuration"] is { Length: > 0 } redisConfiguration)
        {
            var options = ConfigurationOptions.Parse(redisConfiguration);
            options.AbortOnConnectFail = false; // start anyway and keep reconnecting; meanwhile pages hear this instance's changes
            var channel = configuration["Redis:Channel"] ?? "aigo:live";
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            services.AddSingleton(sp => new LiveUpdates(sp.GetRequiredService<ILogger<LiveUpdates>>(), sp.GetRequiredService<IConnectionMultiplexer>(), channel));
            services.AddSignalR().AddStackExchangeRedis(redisConfiguration, o =>
            {
                o.Configuration.AbortOnConnectFail = false;
                o.Configuration.ChannelPrefix = RedisChannel.Literal(channel + ":signalr");
            });
        }
        else
            services.AddSingleton(sp => new LiveUpdates(sp.GetRequiredService<ILogger<LiveUpdates>>()));
        services.AddSingleton<IChangeNotifier>(sp => sp.GetRequiredService<LiveUpdates>());
        return services;
    }
}
