using System.Diagnostics;

namespace AiGO.Bench;

/// <summary>
/// What one request costs the server, measured one request at a time in this process: SQL commands executed (EF Core's
/// diagnostic events), first-chance exceptions, managed bytes allocated and the median time. Allocation and exception
/// figures include the client's share, which is the same small HttpClient work for every endpoint.
/// </summary>
public sealed class RequestCost : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _listeners = [];
    private int _commands;
    private int _exceptions;

    private RequestCost()
    {
        _all = DiagnosticListener.AllListeners.Subscribe(this);
        AppDomain.CurrentDomain.FirstChanceException += OnException;
    }

    public static async Task<string> MeasureAsync(string name, int runs, Func<int, Task> request)
    {
        for (var i = 0; i < 5; i++) await request(i);
        using var cost = new RequestCost();
        var times = new double[runs];
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await request(i);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Array.Sort(times);
        return $"{name,-44} {(double)cost._commands / runs,5:F1} SQL commands   {(double)cost._exceptions / runs,4:F1} exceptions   " +
               $"{allocated / 1024.0 / runs,7:F0} KB allocated   median {Stats.Percentile(times, .5),6:F1} ms   (one at a time, {runs} requests)";
    }

    private void OnException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) => Interlocked.Increment(ref _exceptions);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.EntityFrameworkCore")
            lock (_listeners) _listeners.Add(listener.Subscribe(this, name => name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted"));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value) => Interlocked.Increment(ref _commands);

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        AppDomain.CurrentDomain.FirstChanceException -= OnException;
        _all.Dispose();
        lock (_listeners) foreach (var l in _listeners) l.Dispose();
    }
}
