namespace CsmsCluster.Contracts;

/// <summary>One local authorization list entry as sent to the charger.</summary>
/// <param name="IdTag">The idTag.</param>
/// <param name="Status">Its authorization status.</param>
/// <param name="ExpiryDate">Its expiry, if any.</param>
/// <param name="ParentIdTag">Its parent idTag, if any.</param>
public sealed record LocalListEntry(string IdTag, string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);
