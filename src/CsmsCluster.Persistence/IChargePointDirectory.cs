namespace CsmsCluster.Persistence;

/// <summary>The listing projection of charge points (see <see cref="ChargePointSummary"/>).</summary>
public interface IChargePointDirectory
{
    /// <summary>Creates or replaces the summary for <see cref="ChargePointSummary.Id"/>.</summary>
    Task UpsertAsync(ChargePointSummary summary, CancellationToken cancellationToken);

    /// <summary>Returns the summary, or null when unknown.</summary>
    Task<ChargePointSummary?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists summaries ordered by id, optionally only those of one site.</summary>
    Task<PagedResult<ChargePointSummary>> ListAsync(string? siteId, int page, int pageSize, CancellationToken cancellationToken);
}
