namespace CsmsCluster.Contracts;

/// <summary>A charger-initiated CALL that has passed framing and schema validation.</summary>
/// <param name="UniqueId">The frame's unique id.</param>
/// <param name="Action">The OCPP action, e.g. <c>StartTransaction</c>.</param>
/// <param name="Payload">The payload's JSON bytes exactly as received.</param>
public sealed record InboundCall(string UniqueId, string Action, byte[] Payload);
