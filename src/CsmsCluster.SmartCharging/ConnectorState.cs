namespace CsmsCluster.SmartCharging;

/// <summary>The outcome of allocation for one connector.</summary>
public enum ConnectorState
{
    /// <summary>Eligible and admitted: the allocation is at least the connector's minimum.</summary>
    Admitted,

    /// <summary>Eligible but not admitted (its minimum did not fit): allocation 0, waits for a rotation turn.</summary>
    Queued,

    /// <summary>Not eligible (see <see cref="ExclusionReason"/>): allocation 0.</summary>
    NotEligible,
}
