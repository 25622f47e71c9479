namespace CsmsCluster.Contracts;

/// <summary>One connector of a site: its allocation, what is installed and measured, and why.</summary>
/// <param name="ChargePointId">The charge point.</param>
/// <param name="ConnectorId">The OCPP connector id.</param>
/// <param name="Status">The last status.</param>
/// <param name="TransactionId">The open transaction, if any.</param>
/// <param name="Allocation">The allocation in the site's unit.</param>
/// <param name="InstalledLimit">The Accepted limit in the site's unit.</param>
/// <param name="PendingLimit">A sent limit awaiting its answer, in the site's unit.</param>
/// <param name="Measured">The last measured current, A (highest phase).</param>
/// <param name="State"><c>admitted</c>, <c>queued</c>, <c>outsideWindow</c>, <c>uncontrollable</c>, <c>offline</c>, <c>faulted</c> or <c>idle</c>.</param>
/// <param name="Online">Whether the charger is connected.</param>
public sealed record SiteConnectorView(
    string ChargePointId,
    int ConnectorId,
    string Status,
    int? TransactionId,
    double Allocation,
    double InstalledLimit,
    double? PendingLimit,
    double? Measured,
    string State,
    bool Online);
