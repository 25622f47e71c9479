namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>One connector in a <see cref="SiteSnapshot"/>.</summary>
public sealed record SnapshotConnector(string ChargePointId, bool HasTransaction, double Allocation, double Installed, bool Pending, string State);
