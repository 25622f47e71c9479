using CsmsCluster.Bench.SmartCharging;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>A scenario's measured rounds, setup time, and the server's allocation-duration figures.</summary>
public sealed record ScenarioResult(
    Scenario Scenario, IReadOnlyList<RoundResult> Rounds, TimeSpan Setup, AllocationFigures? Allocation, string Notes)
{
    public IReadOnlyList<double> Latencies => [.. Rounds.Select(r => r.TimedOut ? double.PositiveInfinity : r.Milliseconds)];

    public bool Passed => Rounds.Count > 0 && Rounds.All(r => !r.TimedOut) && Percentiles.Of(Latencies, 99) <= Scenario.TargetMilliseconds;
}
