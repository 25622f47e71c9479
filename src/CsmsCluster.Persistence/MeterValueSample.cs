namespace CsmsCluster.Persistence;

/// <summary>One meterValue element of a MeterValues (or StopTransaction transactionData) message.</summary>
/// <param name="ChargePointId">The charge point.</param>
/// <param name="ConnectorId">The connector (0 = the main meter).</param>
/// <param name="TransactionId">The transaction the values belong to, if any.</param>
/// <param name="Timestamp">The sample's timestamp (UTC).</param>
/// <param name="SampledValueJson">The raw JSON array of sampledValue exactly as the charger sent it.</param>
public sealed record MeterValueSample(
    string ChargePointId,
    int ConnectorId,
    int? TransactionId,
    DateTimeOffset Timestamp,
    string SampledValueJson);
