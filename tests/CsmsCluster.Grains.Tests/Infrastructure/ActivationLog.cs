using System.Collections.Concurrent;

namespace CsmsCluster.Grains.Tests.Infrastructure;

/// <summary>Records activation lifetimes through <see cref="IActivationObserver"/>.</summary>
public sealed class ActivationLog : IActivationObserver
{
    private readonly ConcurrentQueue<ActivationRecord> _started = new();
    private readonly ConcurrentQueue<ActivationRecord> _ended = new();
    private readonly ConcurrentQueue<(GrainId GrainId, bool Started)> _sequence = new();

    public IReadOnlyList<ActivationRecord> Started => [.. _started];

    public IReadOnlyList<ActivationRecord> Ended => [.. _ended];

    public IReadOnlyList<ActivationRecord> StartedFor(GrainId grainId) => [.. _started.Where(r => r.GrainId == grainId)];

    public IReadOnlyList<ActivationRecord> EndedFor(GrainId grainId) => [.. _ended.Where(r => r.GrainId == grainId)];

    /// <summary>The most activations of <paramref name="grainId"/> alive at once, replaying starts and ends in order.</summary>
    public int MaxConcurrent(GrainId grainId)
    {
        int alive = 0, max = 0;
        foreach (var (id, started) in _sequence)
        {
            if (id == grainId)
            {
                alive += started ? 1 : -1;
                max = Math.Max(max, alive);
            }
        }

        return max;
    }

    public void OnActivationStarted(GrainId grainId, Guid activationId, DateTimeOffset startedAt)
    {
        _sequence.Enqueue((grainId, true));
        _started.Enqueue(new ActivationRecord(grainId, activationId, startedAt, null, null));
    }

    public void OnActivationEnded(GrainId grainId, Guid activationId, DateTimeOffset startedAt, DateTimeOffset endedAt, DeactivationReason? reason)
    {
        _sequence.Enqueue((grainId, false));
        _ended.Enqueue(new ActivationRecord(grainId, activationId, startedAt, endedAt, reason));
    }
}
