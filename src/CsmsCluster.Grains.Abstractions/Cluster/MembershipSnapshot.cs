namespace CsmsCluster.Grains.Cluster;

/// <summary>The membership table of one service as read in one statement.</summary>
/// <param name="Version">The cluster version; 0 before the first silo joined. Every status change increments it.</param>
/// <param name="Silos">Every silo row (including Dead ones not yet cleaned up), ordered by id.</param>
public sealed record MembershipSnapshot(long Version, IReadOnlyList<SiloEntry> Silos)
{
    /// <summary>The row of <paramref name="siloId"/>, or null.</summary>
    public SiloEntry? Find(string siloId)
    {
        foreach (var silo in Silos)
        {
            if (silo.SiloId == siloId)
            {
                return silo;
            }
        }

        return null;
    }
}
