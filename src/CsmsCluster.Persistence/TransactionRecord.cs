namespace CsmsCluster.Persistence;

/// <summary>A stored transaction. Start fields are null when only the stop is known, stop fields while it runs.</summary>
/// <param name="Id">The OCPP transaction id.</param>
/// <param name="ChargePointId">The charge point.</param>
/// <param name="ConnectorId">The connector (0 when only the stop is known).</param>
/// <param name="IdTag">The id tag that started it (the stop id tag, or "", when only the stop is known).</param>
/// <param name="StartTime">Start time (UTC).</param>
/// <param name="MeterStart">Energy register at start, Wh.</param>
/// <param name="ReservationId">The reservation used, if any.</param>
/// <param name="StopTime">Stop time (UTC).</param>
/// <param name="MeterStop">Energy register at stop, Wh.</param>
/// <param name="StopReason">The stop reason the charger gave.</param>
/// <param name="StopIdTag">The id tag presented to stop.</param>
public sealed record TransactionRecord(
    int Id,
    string ChargePointId,
    int ConnectorId,
    string IdTag,
    DateTimeOffset? StartTime,
    long? MeterStart,
    int? ReservationId,
    DateTimeOffset? StopTime,
    long? MeterStop,
    string? StopReason,
    string? StopIdTag)
{
    /// <summary>Energy delivered in Wh (<c>MeterStop - MeterStart</c>) once both are known; otherwise null.</summary>
    public long? EnergyWh => MeterStop - MeterStart;
}
