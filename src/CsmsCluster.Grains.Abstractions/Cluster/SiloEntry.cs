namespace CsmsCluster.Grains.Cluster;

/// <summary>One silo row as read from the membership table.</summary>
/// <param name="SiloId">The silo's id.</param>
/// <param name="Address">The host name or IP address peers reach it on.</param>
/// <param name="Port">The internal port peers reach it on.</param>
/// <param name="Role">The node's role.</param>
/// <param name="Status">The membership status.</param>
/// <param name="StartedAt">When it joined (database clock).</param>
/// <param name="HeartbeatAt">Its last heartbeat (database clock).</param>
/// <param name="HeartbeatAge">Database now minus <paramref name="HeartbeatAt"/>, computed in SQL, so silo clocks never matter.</param>
/// <param name="AcknowledgedVersion">The newest cluster version the silo has adopted as its view.</param>
public sealed record SiloEntry(
    string SiloId,
    string Address,
    int Port,
    string Role,
    SiloStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    TimeSpan HeartbeatAge,
    long AcknowledgedVersion);
