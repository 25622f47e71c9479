using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Server;

/// <summary>What a node does; configuration key <c>Csms:Role</c>.</summary>
public enum ServerRole
{
    /// <summary>Gateway, silo and HTTP API in one process (default). Single node unless <c>Csms:Cluster:Enabled</c>.</summary>
    All,

    /// <summary>Hosts grains and the HTTP API; holds no charger sockets. Always a cluster member.</summary>
    Silo,

    /// <summary>Holds charger sockets and serves the HTTP API; hosts no grains (a cluster client). Always a cluster member.</summary>
    Gateway,
}

/// <summary>Parses <c>Csms:Role</c>.</summary>
public static class ServerRoles
{
    /// <summary>Parses the role; unset means <see cref="ServerRole.All"/>.</summary>
    /// <exception cref="InvalidOperationException">An unknown role.</exception>
    public static ServerRole Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Equals(ClusterRoles.All, StringComparison.OrdinalIgnoreCase))
        {
            return ServerRole.All;
        }

        if (value.Equals(ClusterRoles.Silo, StringComparison.OrdinalIgnoreCase))
        {
            return ServerRole.Silo;
        }

        if (value.Equals(ClusterRoles.Gateway, StringComparison.OrdinalIgnoreCase))
        {
            return ServerRole.Gateway;
        }

        throw new InvalidOperationException($"Csms:Role must be all, silo or gateway (was '{value}').");
    }

    /// <summary>The role's name in the membership table.</summary>
    public static string Name(this ServerRole role) => role switch
    {
        ServerRole.Silo => ClusterRoles.Silo,
        ServerRole.Gateway => ClusterRoles.Gateway,
        _ => ClusterRoles.All,
    };

    /// <summary>Whether the node accepts charger WebSockets.</summary>
    public static bool HoldsSockets(this ServerRole role) => role != ServerRole.Silo;
}
