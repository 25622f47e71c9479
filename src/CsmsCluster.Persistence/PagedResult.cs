namespace CsmsCluster.Persistence;

/// <summary>One page of a list, with the number of items across all pages.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Total">The number of items matching the query on all pages.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size asked for.</param>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize);
