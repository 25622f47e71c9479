namespace CsmsCluster.Domain.ChargePoints;

/// <summary>A transaction that started and has not stopped yet.</summary>
public sealed record OpenTransaction(int Id, int ConnectorId, string IdTag, long MeterStart, DateTimeOffset StartTime, int? ReservationId);
