namespace CsmsCluster.Domain.ChargePoints;

/// <summary>
/// A recently started transaction kept for replay detection: a StartTransaction with the same connector, idTag,
/// meterStart and timestamp gets the same id (and idTagInfo) again; a repeated StopTransaction is answered without
/// being counted twice.
/// </summary>
public sealed record RecentTransaction(
    int Id,
    int ConnectorId,
    string IdTag,
    long MeterStart,
    DateTimeOffset StartTime,
    string IdTagStatus,
    DateTimeOffset? StopTime);
