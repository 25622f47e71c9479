namespace CsmsCluster.SmartCharging;

/// <summary>The result of <see cref="SiteAllocator.Allocate"/>.</summary>
/// <param name="At">The instant the allocation was computed for.</param>
/// <param name="Unit">The site's unit.</param>
/// <param name="Connectors">One entry per input connector, ordered by connector id (ordinal).</param>
/// <param name="Constraints">Every constraint with its totals, site first, then feeders, then chargers.</param>
public sealed record SiteAllocation(
    DateTimeOffset At,
    SiteUnit Unit,
    IReadOnlyList<ConnectorAllocation> Connectors,
    IReadOnlyList<ConstraintTotal> Constraints)
{
    /// <summary>The entry for <paramref name="connectorId"/>.</summary>
    /// <param name="connectorId">The connector id.</param>
    /// <returns>Its allocation.</returns>
    /// <exception cref="KeyNotFoundException">The connector was not in the inputs.</exception>
    public ConnectorAllocation For(string connectorId) =>
        Connectors.FirstOrDefault(c => c.ConnectorId == connectorId)
        ?? throw new KeyNotFoundException($"Connector '{connectorId}' is not part of this allocation.");
}
