namespace CsmsCluster.Grains.Activations;

/// <summary>The timers of one activation; all are disposed when it deactivates, and none can be added after.</summary>
internal sealed class ActivationTimers(GrainActivation activation, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly List<GrainTimer> _timers = [];
    private bool _closed;

    public IDisposable Register(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(activation, this, callback, period);
        lock (_lock)
        {
            if (_closed)
            {
                throw new InvalidOperationException($"{activation.GrainId} is deactivating; it cannot register timers.");
            }

            _timers.Add(timer);
        }

        timer.Start(timeProvider, dueTime);
        return timer;
    }

    public void Remove(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    public void DisposeAll()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            _closed = true;
            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}
