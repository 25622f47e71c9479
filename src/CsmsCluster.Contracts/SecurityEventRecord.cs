namespace CsmsCluster.Contracts;

/// <summary>A SecurityEventNotification (OCPP 1.6 security whitepaper).</summary>
/// <param name="Type">The event type, e.g. <c>FirmwareUpdated</c>.</param>
/// <param name="Timestamp">When it happened, per the charger.</param>
/// <param name="TechInfo">Extra technical information.</param>
/// <param name="ReceivedAt">When it was received.</param>
public sealed record SecurityEventRecord(string Type, DateTimeOffset Timestamp, string? TechInfo, DateTimeOffset ReceivedAt);
