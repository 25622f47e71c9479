using System.Collections.Concurrent;
using CsmsCluster.Grains;

namespace CsmsCluster.Cluster.Tests;

/// <summary>Every activation of every silo of a test cluster: key, activation id, silo, start and end (one clock).</summary>
public sealed class ActivationLog
{
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public IReadOnlyCollection<Entry> Entries => [.. _entries.Values];

    public IActivationObserver For(string siloId) => new Recorder(this, siloId);

    /// <summary>Pairs of activations of one grain whose lifetimes overlap (an activation still running counts to now).</summary>
    public IReadOnlyList<(Entry First, Entry Second)> Overlaps()
    {
        var now = DateTimeOffset.UtcNow;
        var overlaps = new List<(Entry, Entry)>();
        foreach (var grain in _entries.Values.GroupBy(e => e.GrainId))
        {
            var ordered = grain.OrderBy(e => e.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start < (ordered[i - 1].End ?? now))
                {
                    overlaps.Add((ordered[i - 1], ordered[i]));
                }
            }
        }

        return overlaps;
    }

    public sealed record Entry(GrainId GrainId, Guid ActivationId, string SiloId, DateTimeOffset Start, DateTimeOffset? End, DeactivationReason? Reason);

    private sealed class Recorder(ActivationLog log, string siloId) : IActivationObserver
    {
        public void OnActivationStarted(GrainId grainId, Guid activationId, DateTimeOffset startedAt) =>
            log._entries[activationId] = new Entry(grainId, activationId, siloId, startedAt, null, null);

        public void OnActivationEnded(GrainId grainId, Guid activationId, DateTimeOffset startedAt, DateTimeOffset endedAt, DeactivationReason? reason) =>
            log._entries[activationId] = new Entry(grainId, activationId, siloId, startedAt, endedAt, reason);
    }
}
