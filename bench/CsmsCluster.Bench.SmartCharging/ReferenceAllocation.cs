using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// The allocation the allocator would make if every EV's real demand were known: the loop's own inputs (same sessions,
/// same rotation state, same fixed load) with no launch cap, demand = what the EV can draw now and its real phases.
/// </summary>
public static class ReferenceAllocation
{
    public static SiteAllocation Compute(SiteLoopState state, DateTimeOffset now, LoopOptions options, IReadOnlyDictionary<string, SimulatedEv> evs)
    {
        ArgumentNullException.ThrowIfNull(evs);
        var inputs = SiteInputsBuilder.Build(state, now, options);
        var connectors = inputs.Connectors.Select(c => c.Session is { } session && evs.TryGetValue(c.Id, out var ev)
            ? c with { Session = session with { InLaunch = false }, Demand = ev.Possible, Phases = ev.Phases }
            : c).ToList();
        return SiteAllocator.Allocate(now, inputs with { Connectors = connectors });
    }
}
