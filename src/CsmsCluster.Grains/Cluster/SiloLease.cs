namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// This silo's lease on its own monotonic clock: valid for the lease duration from the moment the last successful
/// renewal was sent (never from when its answer came, which would stretch it). When it runs out, the callback
/// fences the silo; peers wait lease + margin on the database clock, so the silo has stopped before they act.
/// </summary>
internal sealed class SiloLease(TimeProvider time, TimeSpan duration, Action onExpired) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private long _newestSent = long.MinValue;
    private bool _ended;

    /// <summary>Records a successful renewal that was sent at <paramref name="sentTimestamp"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public void Renewed(long sentTimestamp)
    {
        bool expired;
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _newestSent = Math.Max(_newestSent, sentTimestamp);
            var remaining = duration - time.GetElapsedTime(_newestSent);
            expired = remaining <= TimeSpan.Zero;
            if (!expired)
            {
                _timer ??= time.CreateTimer(_ => Expire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _timer.Change(remaining, Timeout.InfiniteTimeSpan);
            }
        }

        if (expired)
        {
            Expire();
        }
    }

    /// <summary>
    /// How long the lease has left (zero once it ran out; infinite before the first renewal or after it ended). The
    /// heartbeat thread wakes by then and calls <see cref="ExpireIfDue"/>, so an overloaded thread pool that runs the
    /// timer's callback late does not let the silo run turns past its lease.
    /// </summary>
    public TimeSpan Remaining
    {
        get
        {
            lock (_lock)
            {
                if (_ended || _newestSent == long.MinValue)
                {
                    return Timeout.InfiniteTimeSpan;
                }

                var remaining = duration - time.GetElapsedTime(_newestSent);
                return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
            }
        }
    }

    /// <summary>Runs the expiry callback now if the lease has run out and it has not run yet.</summary>
    public void ExpireIfDue()
    {
        if (Remaining == TimeSpan.Zero)
        {
            Expire();
        }
    }

    /// <summary>Ends the lease without the callback (graceful leave).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _ended = true;
            _timer?.Dispose();
        }
    }

    private void Expire()
    {
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _timer?.Dispose();
        }

        onExpired();
    }
}
