namespace CsmsCluster.Persistence;

/// <summary>One SecurityEventNotification as stored.</summary>
/// <param name="ChargePointId">The charger.</param>
/// <param name="Timestamp">When it happened, as the charger reported.</param>
/// <param name="Type">The event type (e.g. <c>InvalidFirmwareSignature</c>).</param>
/// <param name="TechInfo">Optional technical detail.</param>
/// <param name="ReceivedAt">When the CSMS received it.</param>
public sealed record SecurityEventEntry(string ChargePointId, DateTimeOffset Timestamp, string Type, string? TechInfo, DateTimeOffset ReceivedAt);
