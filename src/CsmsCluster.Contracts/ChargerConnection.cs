namespace CsmsCluster.Contracts;

/// <summary>Where a charger's socket lives: the gateway node holding it and that socket's id on the node.</summary>
/// <param name="NodeId">The gateway node's id (unique per process start).</param>
/// <param name="ConnectionId">The socket's id, unique on that node.</param>
/// <param name="OcppVersion">The negotiated subprotocol, e.g. <c>ocpp1.6</c>.</param>
public sealed record ChargerConnection(string NodeId, long ConnectionId, string OcppVersion);
