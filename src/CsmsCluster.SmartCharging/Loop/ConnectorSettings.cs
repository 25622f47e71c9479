namespace CsmsCluster.SmartCharging.Loop;

/// <summary>Operator parameters of one connector; absent values take the charger's or the spec's defaults.</summary>
public sealed record ConnectorSettings
{
    /// <summary>max_k in A per phase (capped by the charger's maximum).</summary>
    public double? MaxCurrent { get; init; }

    /// <summary>min_k in A per phase; 6 A (AC) when absent.</summary>
    public double? MinCurrent { get; init; }

    /// <summary>Higher is served first.</summary>
    public int Priority { get; init; }

    /// <summary>Water-filling weight, 1 by default.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Phases the EVs on this connector use (1 or 3) when meter values do not tell.</summary>
    public int? Phases { get; init; }

    /// <summary>The site phase a 1-phase connector is wired to, if known.</summary>
    public SitePhase? Phase { get; init; }

    /// <summary>A_launch in A per phase; min_k when absent.</summary>
    public double? LaunchCurrent { get; init; }

    /// <summary>The activation groups the connector belongs to; none = unrestricted.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
}
