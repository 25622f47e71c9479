namespace CsmsCluster.Cluster.Tests;

/// <summary>
/// Blocks every thread of the process's thread pool (and the threads it adds while starved) until disposed, and
/// tells whether an item queued behind them ever ran. Tests that use it run alone (no other test in parallel), since
/// a starved pool would stall the leases of every other test's silos.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolSaturation : IDisposable
{
    public const string Name = "Thread pool saturation";

    private readonly ManualResetEventSlim _released = new(false);
    private volatile bool _poolRan;
    private int _blocking;

    /// <summary>True once an item queued after the blockers ran: the pool was then no longer saturated.</summary>
    public bool PoolRan => _poolRan;

    public static ThreadPoolSaturation Start()
    {
        var saturation = new ThreadPoolSaturation();
        ThreadPool.GetMinThreads(out var workers, out _);
        // Far more blockers than threads: the pool adds threads while starved, and each new one takes a blocker too.
        for (var i = 0; i < (workers * 4) + 200; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Block(), saturation, preferLocal: false);
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => s._poolRan = true, saturation, preferLocal: false);
        // Saturated: as many blockers run as the pool keeps threads, and more wait in its queue, ahead of the marker.
        // Not "every pool thread blocks here": a thread another test left blocked elsewhere never takes a blocker, but
        // it serves the queue no more than one of ours does. Whether the marker ran is what the tests assert.
        var busy = SpinWait.SpinUntil(
            () => Volatile.Read(ref saturation._blocking) >= workers && ThreadPool.PendingWorkItemCount > 0,
            TimeSpan.FromSeconds(5));
        if (!busy)
        {
            saturation.Dispose();
            throw new TimeoutException(
                $"Only {saturation._blocking} pool threads took a blocker within 5 s (minimum {workers}, {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} items queued).");
        }

        return saturation;
    }

    public void Dispose() => _released.Set();

    private void Block()
    {
        Interlocked.Increment(ref _blocking);
        _released.Wait();
        Interlocked.Decrement(ref _blocking);
    }
}
