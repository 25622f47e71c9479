namespace CsmsCluster.Api;

/// <summary>Body of <c>PUT /api/v1/idtags/{idTag}</c>.</summary>
/// <param name="Status">Accepted, Blocked, Expired or Invalid.</param>
/// <param name="ExpiryDate">When the entry stops being valid.</param>
/// <param name="ParentIdTag">The group (parent) idTag.</param>
public sealed record IdTagBody(string? Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);
