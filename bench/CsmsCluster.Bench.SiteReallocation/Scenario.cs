namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>A scenario: how many sites of how many connectors, the target and the rounds.</summary>
public sealed record Scenario(string Name, int Sites, int Connectors, double TargetMilliseconds, int Rounds, int WarmUp);
