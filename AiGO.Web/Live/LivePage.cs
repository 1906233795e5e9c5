using Microsoft.AspNetCore.Components;

namespace AiGO.Web.Live;

/// <summary>
/// A page that shows live data: it says what it watches, and reloads once per burst of matching changes, on its
/// own render thread, until it is disposed. Subscribing, gathering a burst and unsubscribing are written here once.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject] private LiveUpdates Live { get; set; } = null!;

    private IDisposable? _subscription;
    private string? _watching;

    /// <summary>Watches <paramref name="topic"/> instead of whatever was watched before (a page may move to another course).</summary>
    protected void Watch(LiveTopic topic)
    {
        if (topic.Name == _watching) return;
        _subscription?.Dispose();
        _watching = topic.Name;
        var gate = new RefreshGate(() => InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        }), LiveUpdates.RefreshWindow);
        _subscription = Live.Subscribe(topic, _ => gate.RequestAsync());
    }

    /// <summary>Reads again what the page shows; called after a matching change.</summary>
    protected abstract Task ReloadAsync();

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        GC.SuppressFinalize(this);
    }
}
