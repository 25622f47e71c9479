using Microsoft.Extensions.Logging;

namespace CsmsCluster.Grains.Cluster;

/// <summary>The membership agent's log messages (source-generated).</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(101, LogLevel.Information, "Silo {SiloId} joined the cluster at version {Version}")]
    public static partial void Joined(this ILogger logger, string siloId, long version);

    [LoggerMessage(102, LogLevel.Information, "Adopted membership view {Version}: {Count} active silos, settled {Settled}")]
    public static partial void ViewAdopted(this ILogger logger, long version, int count, bool settled);

    [LoggerMessage(103, LogLevel.Warning, "Declared silo {SuspectId} dead ({Evidence})")]
    public static partial void DeclaredDead(this ILogger logger, string suspectId, string evidence);

    [LoggerMessage(104, LogLevel.Warning, "Voted silo {SuspectId} dead after {Misses} missed probes")]
    public static partial void Voted(this ILogger logger, string suspectId, int misses);

    [LoggerMessage(105, LogLevel.Critical, "Silo {SiloId} fenced itself: {Reason}; every activation is dropped without writing")]
    public static partial void Fenced(this ILogger logger, string siloId, string reason);

    [LoggerMessage(106, LogLevel.Warning, "Heartbeat of silo {SiloId} failed; the lease runs out unless a later one succeeds")]
    public static partial void HeartbeatFailed(this ILogger logger, string siloId, Exception exception);

    [LoggerMessage(113, LogLevel.Warning, "Heartbeat of silo {SiloId} took {Milliseconds:0} ms, longer than the heartbeat interval; the lease runs out if they stay this slow")]
    public static partial void HeartbeatSlow(this ILogger logger, string siloId, double milliseconds);

    [LoggerMessage(107, LogLevel.Warning, "Membership refresh or probe round failed")]
    public static partial void RoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(108, LogLevel.Information, "Silo {SiloId} left the cluster")]
    public static partial void Left(this ILogger logger, string siloId);

    [LoggerMessage(109, LogLevel.Information, "Removed {Count} dead silo rows older than the retention")]
    public static partial void RemovedDead(this ILogger logger, int count);

    [LoggerMessage(111, LogLevel.Information, "Cluster transport of node {SiloId} listening on {Address} (HTTP/2)")]
    public static partial void TransportListening(this ILogger logger, string siloId, string address);

    [LoggerMessage(110, LogLevel.Warning, "A membership view observer failed")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception);
}
