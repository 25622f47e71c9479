namespace CsmsCluster.Contracts;

/// <summary>A connector's last reported state.</summary>
/// <param name="ConnectorId">Connector id; 0 is the charge point as a whole.</param>
/// <param name="Status">Last StatusNotification status.</param>
/// <param name="ErrorCode">Last StatusNotification errorCode.</param>
/// <param name="TransactionId">The open transaction on this connector, if any.</param>
/// <param name="Info">Additional free-form info from the charger.</param>
/// <param name="VendorErrorCode">Vendor-specific error code.</param>
/// <param name="StatusTimestamp">The status's timestamp as the charger sent it (or when it was received).</param>
public sealed record ConnectorView(int ConnectorId, string? Status, string? ErrorCode, int? TransactionId, string? Info, string? VendorErrorCode, DateTimeOffset? StatusTimestamp);
