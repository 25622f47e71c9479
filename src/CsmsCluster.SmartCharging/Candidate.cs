namespace CsmsCluster.SmartCharging;

/// <summary>Working state of one connector during an allocation; values are in the site's unit.</summary>
internal sealed class Candidate(ConnectorInput input, double unitFactor)
{
    public ConnectorInput Input { get; } = input;

    public string Id => Input.Id;

    /// <summary>Site units per A per phase: 1 on an A site, V * n on a W site.</summary>
    public double UnitFactor { get; } = unitFactor;

    /// <summary>The constraints on the connector's path (site, feeders, charger) with its coefficient on each.</summary>
    public List<(ConstraintRow Row, double Coefficient)> Path { get; } = [];

    public ExclusionReason Reason { get; set; }

    public bool Admitted { get; set; }

    public double Min { get; set; }

    public double Cap { get; set; }

    public double Weight => Input.Weight;

    public int Priority => Input.Priority;

    public double Value { get; set; }

    public bool Frozen { get; set; }

    public bool AtCap { get; set; }

    public ConstraintRow? Binding { get; set; }
}
