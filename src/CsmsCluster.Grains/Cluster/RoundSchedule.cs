namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// When the membership agent reads the table next: a probe round every <see cref="ClusterMembershipOptions.ProbeInterval"/>,
/// and in between an extra refresh just after the first peer lease in the last snapshot expires (every node computes
/// that moment from the same database ages, so all of them see the death, adopt and acknowledge the new view together)
/// and every 100 ms while the adopted view is not settled (activations of the grains it moves wait for that).
/// </summary>
internal sealed class RoundSchedule(ClusterMembershipOptions options, TimeProvider time, string selfId)
{
    private static readonly TimeSpan UnsettledRefreshInterval = TimeSpan.FromMilliseconds(100);

    // Read a peer's row this long after its lease should have expired, so the database clock has passed it too.
    private static readonly TimeSpan ExpiryGrace = TimeSpan.FromMilliseconds(25);

    private readonly Lock _lock = new();
    private long _from;
    private TimeSpan _after = Timeout.InfiniteTimeSpan;

    /// <summary>Sets the extra refresh from a snapshot just read and whether the view adopted from it is settled.</summary>
    public void Schedule(MembershipSnapshot snapshot, bool settled)
    {
        var after = settled ? Timeout.InfiniteTimeSpan : UnsettledRefreshInterval;
        foreach (var silo in snapshot.Silos)
        {
            var left = options.LeaseExpiry - silo.HeartbeatAge;
            if (silo.SiloId != selfId && silo.Status != SiloStatus.Dead && left >= TimeSpan.Zero
                && (after == Timeout.InfiniteTimeSpan || left + ExpiryGrace < after))
            {
                after = left + ExpiryGrace;
            }
        }

        lock (_lock)
        {
            _from = time.GetTimestamp();
            _after = after;
        }
    }

    /// <summary>Drops the extra refresh (the refresh about to run schedules the next one, or none if it fails).</summary>
    public void ClearExtraRefresh()
    {
        lock (_lock)
        {
            _after = Timeout.InfiniteTimeSpan;
        }
    }

    /// <summary>How long until the next round: the rest of the probe interval since <paramref name="lastProbe"/>, or sooner.</summary>
    public TimeSpan UntilNextRound(long lastProbe)
    {
        var until = options.ProbeInterval - time.GetElapsedTime(lastProbe);
        lock (_lock)
        {
            if (_after != Timeout.InfiniteTimeSpan)
            {
                var untilRefresh = _after - time.GetElapsedTime(_from);
                until = untilRefresh < until ? untilRefresh : until;
            }
        }

        return until > TimeSpan.Zero ? until : TimeSpan.Zero;
    }
}
