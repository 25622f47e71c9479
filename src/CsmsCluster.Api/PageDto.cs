namespace CsmsCluster.Api;

/// <summary>A page of a list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
