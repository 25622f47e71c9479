using CsmsCluster.Contracts;

namespace CsmsCluster.Gateway;

/// <summary>
/// Delivers grain-to-charger calls to sockets held by this node. A call for a socket this node does not hold (or no
/// longer holds) reports <see cref="CsmsCallStatus.NotConnected"/> and sends nothing.
/// </summary>
public sealed class LocalChargerGateway(ChargerSessionRegistry sessions, GatewayNode node) : IChargerGateway
{
    /// <inheritdoc />
    public Task<CsmsCallOutcome> SendCallAsync(string chargePointId, ChargerConnection target, string action, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (target.NodeId != node.NodeId
            || !sessions.TryGet(chargePointId, out var session)
            || session.Connection.ConnectionId != target.ConnectionId)
        {
            return Task.FromResult(new CsmsCallOutcome(CsmsCallStatus.NotConnected, ErrorDescription: "The charge point is not connected."));
        }

        return session.SendCallAsync(action, payload, timeout, cancellationToken);
    }

    /// <inheritdoc />
    public bool IsNodeAlive(string nodeId) => nodeId == node.NodeId;
}
