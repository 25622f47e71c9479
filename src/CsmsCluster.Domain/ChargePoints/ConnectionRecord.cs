namespace CsmsCluster.Domain.ChargePoints;

/// <summary>A charger socket as the charge point last saw it.</summary>
/// <param name="NodeId">The gateway node holding the socket.</param>
/// <param name="ConnectionId">The socket's id on that node.</param>
/// <param name="OcppVersion">The negotiated subprotocol.</param>
/// <param name="Since">When it connected.</param>
/// <param name="Open">False once the socket closed.</param>
public sealed record ConnectionRecord(string NodeId, long ConnectionId, string OcppVersion, DateTimeOffset Since, bool Open);
