namespace CsmsCluster.Server;

/// <summary>What a node does; configuration key <c>Csms:Role</c>.</summary>
public enum ServerRole
{
    /// <summary>Gateway, silo and HTTP API in one process (default).</summary>
    All,
}

/// <summary>Parses <c>Csms:Role</c>.</summary>
public static class ServerRoles
{
    /// <summary>Parses the role; unset means <see cref="ServerRole.All"/>.</summary>
    /// <exception cref="InvalidOperationException">An unknown role, or one this build cannot run yet.</exception>
    public static ServerRole Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return ServerRole.All;
        }

        if (value.Equals("silo", StringComparison.OrdinalIgnoreCase) || value.Equals("gateway", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Csms:Role={value} needs cluster membership, which this version does not have yet; use Csms:Role=all.");
        }

        throw new InvalidOperationException($"Csms:Role must be all, silo or gateway (was '{value}').");
    }
}
