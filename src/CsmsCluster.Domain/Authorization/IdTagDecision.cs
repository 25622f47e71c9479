namespace CsmsCluster.Domain.Authorization;

/// <summary>An authorization decision, as reported in OCPP 1.6 IdTagInfo.</summary>
public sealed record IdTagDecision(IdTagStatus Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);
