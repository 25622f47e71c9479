using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>In-process stand-in for the transport's probe: peers in <see cref="Unreachable"/> do not answer.</summary>
internal sealed class FakeSiloProbe : ISiloProbe
{
    public HashSet<string> Unreachable { get; } = [];

    public Task<bool> ProbeAsync(SiloEntry silo, CancellationToken cancellationToken)
    {
        lock (Unreachable)
        {
            return Task.FromResult(!Unreachable.Contains(silo.SiloId));
        }
    }
}
