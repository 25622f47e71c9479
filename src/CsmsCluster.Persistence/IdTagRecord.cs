namespace CsmsCluster.Persistence;

/// <summary>An authorization entry for an id tag.</summary>
/// <param name="IdTag">The identifier (RFID uid, token, ...).</param>
/// <param name="Status">Accepted, Blocked, Expired, Invalid or ConcurrentTx.</param>
/// <param name="ExpiryDate">When the authorization expires (UTC), if it does.</param>
/// <param name="ParentIdTag">The group (parent) id tag, if any.</param>
/// <param name="UpdatedAt">When the entry was last changed (UTC).</param>
public sealed record IdTagRecord(
    string IdTag,
    string Status,
    DateTimeOffset? ExpiryDate,
    string? ParentIdTag,
    DateTimeOffset UpdatedAt);
