namespace CsmsCluster.SmartCharging;

/// <summary>What the commit logic knows about one connector's installed profile and its new target.</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="Installed">The last Accepted limit, A per phase.</param>
/// <param name="Target">The new allocation, A per phase.</param>
public sealed record ConnectorCommitState(string ConnectorId, double Installed, double Target)
{
    /// <summary>A sent limit not yet Accepted, if any.</summary>
    public double? Pending { get; init; }

    /// <summary>When a profile was last sent to the connector.</summary>
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>min_k: an increase from 0 to at least the minimum is sent even when below the dead band.</summary>
    public double MinCurrent { get; init; } = 6;

    /// <summary>True when keeping the installed limit would break a constraint: the decrease is sent whatever its size.</summary>
    public bool DecreaseRequired { get; init; }

    /// <summary>
    /// For an increase caused by a continuous signal (meter drift, base load, donations): since when the condition has
    /// held. Null for event triggers (tx stop, schedule step, activation start, reclaim), which need no hold.
    /// </summary>
    public DateTimeOffset? ContinuousSince { get; init; }
}
