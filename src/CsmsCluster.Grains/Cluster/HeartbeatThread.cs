namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Renews a silo's lease from a thread of its own with blocking database I/O (<see cref="IMembershipStore.Heartbeat"/>):
/// a node whose thread pool is queued up for seconds (a connect storm on a busy core) keeps its lease while it is alive
/// and reaches the database, instead of fencing itself and dropping every charger and grain it holds. The same thread
/// fences the silo the moment the lease runs out, whether or not the pool runs the lease's timer on time.
/// </summary>
internal static class HeartbeatThread
{
    /// <summary>Starts the thread; the task completes when it has stopped (after <paramref name="stopping"/>).</summary>
    /// <param name="heartbeat">One renewal (blocking); it fences the silo itself when the table says it is dead.</param>
    /// <param name="lease">The lease the renewals keep.</param>
    /// <param name="interval">The time between renewals.</param>
    /// <param name="time">The clock; a test clock's timers wake the thread too.</param>
    /// <param name="stopping">Ends the thread.</param>
    /// <param name="failed">Told of a renewal that failed (never of one the stop cut short).</param>
    public static Task Start(Action heartbeat, SiloLease lease, TimeSpan interval, TimeProvider time, CancellationToken stopping, Action<Exception> failed)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(heartbeat, lease, interval, time, stopping, failed);
            }
            catch (Exception exception)
            {
                // Unexpected: renewals end and the lease's timer fences the node when it runs out. Nothing may escape a
                // thread: it would end the process.
                failed(exception);
            }
            finally
            {
                stopped.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = "cluster-heartbeat",
        };
        thread.Start();
        return stopped.Task;
    }

    private static void Run(Action heartbeat, SiloLease lease, TimeSpan interval, TimeProvider time, CancellationToken stopping, Action<Exception> failed)
    {
        using var beat = new AutoResetEvent(false);
        WaitHandle[] wakers = [beat, stopping.WaitHandle];
        // The thread times its own waits (no pool thread needed); the provider's timer also wakes it, so a test clock
        // drives it too.
        using var ticks = time.CreateTimer(
            _ =>
            {
                try
                {
                    beat.Set();
                }
                catch (ObjectDisposedException)
                {
                    // A tick that raced the stop.
                }
            },
            null,
            interval,
            interval);
        var last = time.GetTimestamp();
        while (!stopping.IsCancellationRequested)
        {
            lease.ExpireIfDue();
            var remaining = interval - time.GetElapsedTime(last);
            if (remaining > TimeSpan.Zero)
            {
                var leaseLeft = lease.Remaining;
                WaitHandle.WaitAny(wakers, leaseLeft != Timeout.InfiniteTimeSpan && leaseLeft < remaining ? leaseLeft : remaining);
                continue;
            }

            last = time.GetTimestamp();
            try
            {
                heartbeat();
            }
            catch (Exception exception)
            {
                // A failure is reported; one the stop caused (the connection closed under it) is not a failure.
                if (!stopping.IsCancellationRequested)
                {
                    failed(exception);
                }
            }
        }
    }
}
