namespace CsmsCluster.Persistence;

/// <summary>A filter over stored security events; <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
public sealed record SecurityEventQuery(
    string? ChargePointId = null,
    string? Type = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = 50);
