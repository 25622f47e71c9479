using System.Collections.Concurrent;

namespace CsmsCluster.Grains.Transport;

/// <summary>
/// The silos this node could not connect to, so that calls placed on a dead silo wait instead of each trying to
/// connect again. While a silo is down (killed, its lease not yet expired, the view still naming it), only one call
/// per <see cref="ProbeSpacing"/> really tries to connect; every other call waits until that silo answers again, this
/// node's membership view changes (the silo was declared dead, so placement moves its grains), or the call's
/// deadline. A cluster under load thus spends its CPU on the calls it can serve, not on a retry storm against the
/// dead silo's port, and the held calls go to the new owners the moment the view changes.
/// </summary>
internal sealed class SiloOutages(TimeProvider time)
{
    /// <summary>The least time between two connection attempts to a silo that is down.</summary>
    public static readonly TimeSpan ProbeSpacing = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a held call waits before it may try the silo itself (so it progresses on a quiet node).</summary>
    public static readonly TimeSpan HoldPeriod = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Outage> _bySilo = new(StringComparer.Ordinal);

    /// <summary>The silos currently known to be down.</summary>
    public int Count => _bySilo.Count;

    /// <summary>
    /// Whether a call to <paramref name="siloId"/> may try to connect now: the silo is not known to be down, or it is
    /// and this call takes the next connection attempt.
    /// </summary>
    public bool MayAttempt(string siloId, out Outage? outage)
    {
        if (!_bySilo.TryGetValue(siloId, out outage))
        {
            return true;
        }

        return outage.TryClaimAttempt(time.GetTimestamp(), time);
    }

    /// <summary>Records that a connection to <paramref name="siloId"/> could not be made.</summary>
    public void Failed(string siloId)
    {
        var now = time.GetTimestamp();
        _bySilo.GetOrAdd(siloId, static (_, at) => new Outage(at), now).Attempted(now);
    }

    /// <summary>Records that <paramref name="siloId"/> answered: calls held for it are let go.</summary>
    public void Reached(string siloId)
    {
        // Every answered call comes here: TryGetValue reads without a lock (IsEmpty and TryRemove would take one).
        if (_bySilo.TryGetValue(siloId, out _) && _bySilo.TryRemove(siloId, out var outage))
        {
            outage.End();
        }
    }

    /// <summary>Forgets silos that are no longer in the view (their calls are placed elsewhere now).</summary>
    public void Retain(IReadOnlyCollection<string> siloIds)
    {
        foreach (var siloId in _bySilo.Keys)
        {
            if (!siloIds.Contains(siloId) && _bySilo.TryRemove(siloId, out var outage))
            {
                outage.End();
            }
        }
    }

    /// <summary>One silo's outage as seen from this node.</summary>
    internal sealed class Outage(long since)
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _lastAttempt = since;

        /// <summary>Completes when the silo answered again or left the view.</summary>
        public Task Ended => _ended.Task;

        public bool TryClaimAttempt(long now, TimeProvider time)
        {
            var last = Volatile.Read(ref _lastAttempt);
            return time.GetElapsedTime(last, now) >= ProbeSpacing && Interlocked.CompareExchange(ref _lastAttempt, now, last) == last;
        }

        public void Attempted(long now) => Volatile.Write(ref _lastAttempt, Math.Max(Volatile.Read(ref _lastAttempt), now));

        public void End() => _ended.TrySetResult();
    }
}
