namespace CsmsCluster.Contracts;

/// <summary>
/// The way from a grain to a charger's socket. The gateway node that holds the socket implements it; in a cluster a
/// remote implementation forwards to that node.
/// </summary>
public interface IChargerGateway
{
    /// <summary>Sends a CALL over the socket <paramref name="target"/> and waits for the answer.</summary>
    Task<CsmsCallOutcome> SendCallAsync(string chargePointId, ChargerConnection target, string action, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Whether the gateway node <paramref name="nodeId"/> is alive (its sockets can still be open).</summary>
    bool IsNodeAlive(string nodeId);
}
