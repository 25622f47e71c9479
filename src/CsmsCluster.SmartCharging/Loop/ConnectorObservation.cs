namespace CsmsCluster.SmartCharging.Loop;

/// <summary>One connector in a <see cref="ChargerObservation"/>.</summary>
/// <param name="ConnectorNumber">The OCPP connector id (1..n).</param>
/// <param name="Status">The last StatusNotification status.</param>
/// <param name="TransactionId">The open transaction, if any.</param>
/// <param name="TransactionStart">When it started.</param>
public sealed record ConnectorObservation(int ConnectorNumber, string Status, int? TransactionId, DateTimeOffset? TransactionStart);
