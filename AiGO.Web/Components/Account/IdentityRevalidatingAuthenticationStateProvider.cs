using System.Security.Claims;
using AiGO.Web.Accounts;
using AiGO.Web.Live;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AiGO.Web.Components.Account;

/// <summary>
/// A live circuit's sign-in follows its server-side session: it is checked every
/// <c>Accounts:Session:RevalidationInterval</c> and at once when the live-update bus says a sign-in of this account
/// ended (logout in another tab, a password change, the office disabling it; on any instance with Redis). When the
/// session is no longer live the circuit becomes anonymous, and a page that needs a sign-in goes to 登入.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly ServerSessions _sessions;
    private readonly AiGO.Web.Accounts.SessionOptions _options;
    private readonly LiveUpdates _live;
    private readonly ILogger _logger;
    private CancellationTokenSource? _watch;
    private IDisposable? _subscription;

    public IdentityRevalidatingAuthenticationStateProvider(ServerSessions sessions, AiGO.Web.Accounts.SessionOptions options, LiveUpdates live,
        ILogger<IdentityRevalidatingAuthenticationStateProvider> logger)
    {
        _sessions = sessions;
        _options = options;
        _live = live;
        _logger = logger;
        AuthenticationStateChanged += OnChanged;
    }

    private void OnChanged(Task<AuthenticationState> task) => _ = WatchAsync(task);

    private async Task WatchAsync(Task<AuthenticationState> task)
    {
        Stop();
        var state = await task;
        if (state.User.Identity?.IsAuthenticated != true || state.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return;
        var watch = new CancellationTokenSource();
        _watch = watch;
        var wake = new SemaphoreSlim(0);
        _subscription = _live.Subscribe(LiveTopic.SessionsOf(userId), _ => { wake.Release(); return Task.CompletedTask; });
        try
        {
            while (true)
            {
                await wake.WaitAsync(_options.RevalidationInterval, watch.Token);
                if (await IsLiveAsync(state.User, watch.Token)) continue;
                SetAuthenticationState(Task.FromResult(Anonymous));
                return;
            }
        }
        catch (OperationCanceledException) when (watch.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> IsLiveAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        try
        {
            return await _sessions.CheckAsync(user, user.FindFirstValue(ServerSessions.TokenClaim), touch: false, ct) is null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Could not check a circuit's session; signing the circuit out");
            return false;
        }
    }

    private void Stop()
    {
        _subscription?.Dispose();
        _subscription = null;
        _watch?.Cancel();
        _watch?.Dispose();
        _watch = null;
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= OnChanged;
        Stop();
    }
}
