namespace CsmsCluster.Domain.ChargePoints;

/// <summary>A connector's last reported status.</summary>
public sealed record ConnectorRecord(
    string Status,
    string ErrorCode,
    string? Info,
    string? VendorId,
    string? VendorErrorCode,
    DateTimeOffset StatusTimestamp);
