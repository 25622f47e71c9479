namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Checks that a peer silo answers. The transport provides the real probe (a request to the peer's internal port);
/// until it exists, tests use a fake. Missed probes turn into votes; votes and leases decide deaths.
/// </summary>
public interface ISiloProbe
{
    /// <summary>True when <paramref name="silo"/> answered before <paramref name="cancellationToken"/> was cancelled
    /// (the probe timeout). A thrown exception counts as a missed probe.</summary>
    Task<bool> ProbeAsync(SiloEntry silo, CancellationToken cancellationToken);
}
