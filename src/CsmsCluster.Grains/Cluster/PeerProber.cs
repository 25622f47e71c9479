namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Probes this silo's ring successors (Active silos ordered by the stable hash of their ids) and counts consecutive
/// misses per peer. Each silo watches a few peers, so every silo is watched by a few others.
/// </summary>
internal sealed class PeerProber(ISiloProbe probe, ClusterMembershipOptions options, TimeProvider time, string selfId)
{
    private readonly Dictionary<string, int> _misses = [];

    /// <summary>The <paramref name="count"/> silos after <paramref name="selfId"/> on the hash ring, self excluded.</summary>
    public static IReadOnlyList<SiloEntry> Successors(string selfId, IReadOnlyList<SiloEntry> active, int count)
    {
        var ring = active.Where(s => s.SiloId != selfId)
            .Select(s => (Hash: RendezvousHashing.SiloHash(s.SiloId), Silo: s))
            .OrderBy(e => e.Hash).ThenBy(e => e.Silo.SiloId, StringComparer.Ordinal)
            .ToList();
        var selfHash = RendezvousHashing.SiloHash(selfId);
        var start = ring.FindIndex(e => e.Hash > selfHash || (e.Hash == selfHash && string.CompareOrdinal(e.Silo.SiloId, selfId) > 0));
        start = start < 0 ? 0 : start;
        return [.. Enumerable.Range(0, Math.Min(count, ring.Count)).Select(i => ring[(start + i) % ring.Count].Silo)];
    }

    /// <summary>Probes the successors in <paramref name="view"/> once; returns those that reached the vote threshold.</summary>
    public async Task<IReadOnlyList<(SiloEntry Silo, int Misses)>> ProbeAsync(MembershipView view, CancellationToken cancellationToken)
    {
        var targets = Successors(selfId, view.ActiveSilos, options.ProbedSuccessors);
        var answered = await Task.WhenAll(targets.Select(t => ProbeOneAsync(t, cancellationToken)));
        foreach (var stale in _misses.Keys.Where(id => targets.All(t => t.SiloId != id)).ToList())
        {
            _misses.Remove(stale);
        }

        var suspects = new List<(SiloEntry, int)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var misses = answered[i] ? 0 : _misses.GetValueOrDefault(targets[i].SiloId) + 1;
            _misses[targets[i].SiloId] = misses;
            if (misses >= options.MissedProbesForVote)
            {
                suspects.Add((targets[i], misses));
            }
        }

        return suspects;
    }

    private async Task<bool> ProbeOneAsync(SiloEntry target, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.ProbeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await probe.ProbeAsync(target, linked.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // a failed or timed-out probe is a miss, whatever the exception
        }
    }
}
