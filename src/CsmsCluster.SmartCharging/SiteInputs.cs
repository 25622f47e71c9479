namespace CsmsCluster.SmartCharging;

/// <summary>Everything <see cref="SiteAllocator.Allocate"/> needs about one site (spec "Model").</summary>
/// <param name="Unit">The unit of the site's limits.</param>
/// <param name="StaticLimit">L_static in the site's unit (A per phase or W).</param>
/// <param name="Chargers">The site's chargers.</param>
/// <param name="Connectors">The site's connectors; each names its charger.</param>
public sealed record SiteInputs(
    SiteUnit Unit,
    double StaticLimit,
    IReadOnlyList<ChargerInput> Chargers,
    IReadOnlyList<ConnectorInput> Connectors)
{
    /// <summary>Nominal phase voltage, 230 V by default.</summary>
    public double NominalVoltage { get; init; } = 230;

    /// <summary>Safety margin applied to min(L_static, L_grid): 0.02 by default.</summary>
    public double Margin { get; init; } = 0.02;

    /// <summary>Measured non-EV load in the site's unit (on an A site: the most loaded phase, taken off every phase).</summary>
    public double BaseLoad { get; init; }

    /// <summary>The grid operator's time-varying limit; before its first step there is no grid limit.</summary>
    public IReadOnlyList<GridLimitStep> GridLimits { get; init; } = [];

    /// <summary>Optional feeders forming a tree under the site.</summary>
    public IReadOnlyList<FeederInput> Feeders { get; init; } = [];

    /// <summary>Rotation period and quantum.</summary>
    public AllocationOptions Options { get; init; } = new();

    /// <summary>L_grid(<paramref name="at"/>): the limit of the latest step at or before it, else +infinity.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The grid limit in the site's unit.</returns>
    public double GridLimitAt(DateTimeOffset at)
    {
        var limit = double.PositiveInfinity;
        var from = DateTimeOffset.MinValue;
        foreach (var step in GridLimits)
        {
            if (step.From <= at && step.From >= from)
            {
                limit = step.Limit;
                from = step.From;
            }
        }
        return limit;
    }
}
