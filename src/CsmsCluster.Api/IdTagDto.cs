namespace CsmsCluster.Api;

/// <summary>An authorization entry.</summary>
public sealed record IdTagDto(string IdTag, string Status, DateTimeOffset? ExpiryDate, string? ParentIdTag, DateTimeOffset UpdatedAt);
