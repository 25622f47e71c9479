namespace CsmsCluster.Persistence;

/// <summary>The authorization list: which id tags may charge.</summary>
public interface IIdTagStore
{
    /// <summary>Returns the entry, or null when the id tag is unknown.</summary>
    Task<IdTagRecord?> GetAsync(string idTag, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the entry for <see cref="IdTagRecord.IdTag"/>.</summary>
    Task PutAsync(IdTagRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes the entry; true when it existed.</summary>
    Task<bool> DeleteAsync(string idTag, CancellationToken cancellationToken);

    /// <summary>Lists entries ordered by id tag.</summary>
    Task<PagedResult<IdTagRecord>> ListAsync(int page, int pageSize, CancellationToken cancellationToken);
}
