namespace CsmsCluster.Persistence;

/// <summary>Filter and page for <see cref="IHistoryQueries.ListTransactionsAsync"/>; null filters match everything.</summary>
/// <param name="ChargePointId">Only this charge point's transactions.</param>
/// <param name="IdTag">Only transactions started with this id tag.</param>
/// <param name="From">Start time at or after this instant (inclusive).</param>
/// <param name="To">Start time before this instant (exclusive).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page, 1 to 1,000.</param>
public sealed record TransactionQuery(
    string? ChargePointId = null,
    string? IdTag = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = 50);
