namespace CsmsCluster.SmartCharging.Loop;

/// <summary>A site's configuration as the operator sets it through the API (spec "Model").</summary>
public sealed record SiteSettings
{
    /// <summary>A display name.</summary>
    public string? Name { get; init; }

    /// <summary>A per phase or W.</summary>
    public SiteUnit Unit { get; init; } = SiteUnit.AmperesPerPhase;

    /// <summary>L_static in <see cref="Unit"/> (A per phase on an A site).</summary>
    public double Limit { get; init; }

    /// <summary>Nominal phase voltage, 230 V by default.</summary>
    public double Voltage { get; init; } = 230;

    /// <summary>Safety margin on the site limit, 0.02 by default.</summary>
    public double Margin { get; init; } = 0.02;

    /// <summary>Known non-EV load in <see cref="Unit"/>, 0 when unmetered.</summary>
    public double BaseLoad { get; init; }

    /// <summary>The IANA (or Windows) id of the site's time zone for activation schedules; UTC by default.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Feeders between the site and its chargers.</summary>
    public IReadOnlyList<FeederInput> Feeders { get; init; } = [];

    /// <summary>Which feeder each charger hangs from (charger id to feeder id); others are directly under the site.</summary>
    public IReadOnlyDictionary<string, string> ChargerFeeders { get; init; } = new Dictionary<string, string>();

    /// <summary>Up to 10 weekly activation groups.</summary>
    public IReadOnlyList<ActivationGroup> ActivationGroups { get; init; } = [];

    /// <summary>The grid operator's limit schedule in <see cref="Unit"/>.</summary>
    public IReadOnlyList<GridLimitStep> GridLimits { get; init; } = [];

    /// <summary>
    /// K: how many idle connectors are kept pre-armed with a launch TxDefaultProfile, so a plug-in starts at its launch
    /// current at once (spec "Launch energy"); their launch currents count as reserve. 0 (off) by default.
    /// </summary>
    public int PreArmedConnectors { get; init; }

    /// <summary>Per-connector parameters keyed by connector id (<c>chargePointId/connectorId</c>).</summary>
    public IReadOnlyDictionary<string, ConnectorSettings> Connectors { get; init; } = new Dictionary<string, ConnectorSettings>();
}
