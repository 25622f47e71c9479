namespace CsmsCluster.Persistence;

/// <summary>A transaction began (OCPP 1.6 StartTransaction, 2.0.1 TransactionEvent Started).</summary>
/// <param name="Id">The transaction id given to the charger.</param>
/// <param name="ChargePointId">The charge point.</param>
/// <param name="ConnectorId">The connector (1-based).</param>
/// <param name="IdTag">The identifier that authorised the start.</param>
/// <param name="StartTime">When the charger says the transaction started (UTC).</param>
/// <param name="MeterStart">Energy register at start, in Wh, as the charger sent it.</param>
/// <param name="ReservationId">The reservation the transaction used, if any.</param>
public sealed record TransactionStarted(
    int Id,
    string ChargePointId,
    int ConnectorId,
    string IdTag,
    DateTimeOffset StartTime,
    long MeterStart,
    int? ReservationId);
