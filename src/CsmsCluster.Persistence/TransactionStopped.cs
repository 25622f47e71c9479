namespace CsmsCluster.Persistence;

/// <summary>A transaction ended (OCPP 1.6 StopTransaction, 2.0.1 TransactionEvent Ended).</summary>
/// <param name="Id">The transaction id.</param>
/// <param name="ChargePointId">The charge point.</param>
/// <param name="StopTime">When the charger says the transaction stopped (UTC).</param>
/// <param name="MeterStop">Energy register at stop, in Wh, as the charger sent it.</param>
/// <param name="StopReason">The reason the charger gave, if any.</param>
/// <param name="StopIdTag">The identifier presented to stop, if any.</param>
public sealed record TransactionStopped(
    int Id,
    string ChargePointId,
    DateTimeOffset StopTime,
    long MeterStop,
    string? StopReason,
    string? StopIdTag);
