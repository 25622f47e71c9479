using CsmsCluster.TestSupport;
using Npgsql;

namespace CsmsCluster.Server.Tests.MultiProcess;

/// <summary>Settings and readiness of server processes started as cluster nodes on one PostgreSQL database.</summary>
internal static class ClusterNode
{
    /// <summary>The settings of a node with role <paramref name="role"/>, on loopback, with short membership timing.</summary>
    public static string[] Settings(TestDatabase db, string role, string name, TimeSpan? lease = null, TimeSpan? margin = null) =>
    [
        $"Csms:Role={role}",
        "Csms:Storage:Provider=postgres",
        $"Csms:Storage:ConnectionString={db.ConnectionString}",
        $"Csms:Cluster:SiloId={name}-{Guid.NewGuid():N}",
        "Csms:Cluster:Address=127.0.0.1",
        "Csms:Cluster:ListenAddress=127.0.0.1",
        "Csms:Cluster:HeartbeatInterval=00:00:00.200",
        $"Csms:Cluster:LeaseDuration={lease ?? TimeSpan.FromSeconds(2)}",
        $"Csms:Cluster:LeaseMargin={margin ?? TimeSpan.FromSeconds(1)}",
        "Csms:Cluster:ProbeInterval=00:00:00.300",
        "Csms:Cluster:ProbeTimeout=00:00:00.300",
        "Csms:Cluster:VoteExpiry=00:00:05",
    ];

    /// <summary>Waits until the membership table shows the nodes Active and the current view acknowledged by all.</summary>
    public static async Task WaitForMembersAsync(TestDatabase db, int silos, int gateways)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync(ct);
        await Eventually.WaitAsync(
            async () =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    SELECT count(*) FILTER (WHERE role = 'silo'), count(*) FILTER (WHERE role = 'gateway'),
                           count(*) FILTER (WHERE ack_version < (SELECT version FROM membership_cluster c WHERE c.service = s.service))
                    FROM membership_silos s WHERE status = 1
                    """, connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                return reader.GetInt64(0) == silos && reader.GetInt64(1) == gateways && reader.GetInt64(2) == 0;
            },
            TimeSpan.FromSeconds(30),
            $"{silos} silos and {gateways} gateways Active with the current view acknowledged");
    }
}
