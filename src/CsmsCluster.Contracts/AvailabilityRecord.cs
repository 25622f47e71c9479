namespace CsmsCluster.Contracts;

/// <summary>Availability set by the CSMS on a connector.</summary>
/// <param name="Type">Operative or Inoperative.</param>
/// <param name="Scheduled">True when the charger applies it after the running transaction.</param>
/// <param name="SetAt">When the charger accepted it.</param>
public sealed record AvailabilityRecord(string Type, bool Scheduled, DateTimeOffset SetAt);
