namespace AiGO.Web.Live;

/// <summary>
/// Turns a burst of live changes into one refresh per window: a page over a busy course reloads once for the
/// burst, not once per submission, and still within a fraction of a second of the last change.
/// </summary>
public sealed class RefreshGate(Func<Task> refresh, TimeSpan window)
{
    private int _scheduled;

    public async Task RequestAsync()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return; // a refresh is already coming and will see this change
        await Task.Delay(window);
        Volatile.Write(ref _scheduled, 0);
        await refresh();
    }
}
