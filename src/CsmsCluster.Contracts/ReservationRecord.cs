namespace CsmsCluster.Contracts;

/// <summary>A reservation the charger accepted (OCPP 1.6 ReserveNow).</summary>
/// <param name="ReservationId">The reservation id.</param>
/// <param name="ConnectorId">The connector (0 = any).</param>
/// <param name="IdTag">Who it is for.</param>
/// <param name="ParentIdTag">The group it is for, if any.</param>
/// <param name="ExpiryDate">When it lapses.</param>
/// <param name="CreatedAt">When the charger accepted it.</param>
public sealed record ReservationRecord(int ReservationId, int ConnectorId, string IdTag, string? ParentIdTag, DateTimeOffset ExpiryDate, DateTimeOffset CreatedAt);
