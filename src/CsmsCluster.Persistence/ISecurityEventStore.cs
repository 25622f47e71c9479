namespace CsmsCluster.Persistence;

/// <summary>Security events of every charger, queryable by charger, type and time (newest first).</summary>
public interface ISecurityEventStore
{
    /// <summary>Stores an event; a replay of one already stored is ignored.</summary>
    Task AppendAsync(SecurityEventEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of events matching the query, newest first.</summary>
    Task<PagedResult<SecurityEventEntry>> QueryAsync(SecurityEventQuery query, CancellationToken cancellationToken);
}
