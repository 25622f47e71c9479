namespace CsmsCluster.Grains.Cluster;

/// <summary>The node roles recorded in the membership table (<c>Csms:Role</c>).</summary>
public static class ClusterRoles
{
    /// <summary>Hosts grains and charger sockets.</summary>
    public const string All = "all";

    /// <summary>Hosts grains only.</summary>
    public const string Silo = "silo";

    /// <summary>Holds charger sockets and hosts no grains: a cluster client.</summary>
    public const string Gateway = "gateway";

    /// <summary>Whether a node with <paramref name="role"/> hosts grains (a placement candidate).</summary>
    public static bool HostsGrains(string role) => !string.Equals(role, Gateway, StringComparison.OrdinalIgnoreCase);
}
