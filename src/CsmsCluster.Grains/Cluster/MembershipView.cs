namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// The membership view a silo has adopted (and acknowledged in its silo row): the cluster version and the Active
/// silos whose lease was fresh on the database clock when it was read. Placement is computed over
/// <see cref="ActiveSilos"/>.
/// </summary>
/// <param name="Version">The cluster version the view was read at.</param>
/// <param name="ActiveSilos">The Active nodes with fresh leases (grain hosts and gateways), ordered by id.</param>
/// <param name="IsSettled">True when every other grain host in <see cref="ActiveSilos"/> has acknowledged this version
/// or a newer one, so no live silo still places grains by an older view; only then may a silo activate grains it owns.</param>
public sealed record MembershipView(long Version, IReadOnlyList<SiloEntry> ActiveSilos, bool IsSettled)
{
    /// <summary>The ids of <see cref="ActiveSilos"/>, in the same order.</summary>
    public IReadOnlyList<string> ActiveSiloIds { get; } = [.. ActiveSilos.Select(s => s.SiloId)];

    /// <summary>The Active silos that host grains (every role but <see cref="ClusterRoles.Gateway"/>): placement candidates.</summary>
    public IReadOnlyList<SiloEntry> Hosts { get; } = [.. ActiveSilos.Where(s => ClusterRoles.HostsGrains(s.Role))];

    /// <summary>Whether node <paramref name="siloId"/> is Active with a fresh lease in this view.</summary>
    public bool IsActive(string siloId) => ActiveSiloIds.Contains(siloId, StringComparer.Ordinal);

    /// <summary>The Active node <paramref name="siloId"/>, or null.</summary>
    public SiloEntry? Find(string siloId) => ActiveSilos.FirstOrDefault(s => s.SiloId == siloId);

    /// <summary>Whether this view says the same as <paramref name="other"/> (version, silo ids, settled).</summary>
    public bool SameAs(MembershipView? other) =>
        other is not null && other.Version == Version && other.IsSettled == IsSettled && other.ActiveSiloIds.SequenceEqual(ActiveSiloIds);
}
