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
    bool Online)
{
    /// <summary>
    /// The pre-armed launch state (site option <c>preArmedConnectors</c>): <c>armed</c>, <c>arming</c>,
    /// <c>noRoom</c>, <c>clearing</c>, <c>busy</c>, <c>refused</c>, or null when the option does not touch it.
    /// </summary>
    public string? PreArm { get; init; }

    /// <summary>Why the charger refused the launch TxDefault (its status or error), when <see cref="PreArm"/> is <c>refused</c>.</summary>
    public string? PreArmDetail { get; init; }

    /// <summary>The launch reserve counted for this idle connector in the site's effective limit, in the site's unit.</summary>
    public double? LaunchReserve { get; init; }
}
