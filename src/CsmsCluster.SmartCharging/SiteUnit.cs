namespace CsmsCluster.SmartCharging;

/// <summary>How a site's limit is expressed (spec "Model").</summary>
public enum SiteUnit
{
    /// <summary>Amperes per phase: the limit applies to each of L1, L2 and L3; fairness is per-phase current.</summary>
    AmperesPerPhase,

    /// <summary>Watts in total: the limit applies to the sum of power; fairness is power (P = I * V * n).</summary>
    Watts,
}
