namespace CsmsCluster.Contracts;

/// <summary>The last composite schedule a charger returned for a connector (GetCompositeSchedule Accepted).</summary>
/// <param name="ConnectorId">The connector (0 = the whole charger).</param>
/// <param name="Duration">The requested duration in seconds.</param>
/// <param name="ScheduleStart">The schedule's start as the charger reported it.</param>
/// <param name="ScheduleJson">The chargingSchedule as the charger sent it.</param>
/// <param name="RetrievedAt">When it was retrieved.</param>
public sealed record CompositeScheduleRecord(int ConnectorId, int Duration, DateTimeOffset? ScheduleStart, string? ScheduleJson, DateTimeOffset RetrievedAt);
