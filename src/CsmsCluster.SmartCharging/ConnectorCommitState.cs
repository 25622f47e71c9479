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

    /// <summary>
    /// True when this decrease is one of those a constraint requires (keeping the installed limits would break it): it
    /// is sent whatever its size. The loop marks the fewest that make the limits hold, not every connector on the
    /// constraint.
    /// </summary>
    public bool DecreaseRequired { get; init; }

    /// <summary>
    /// For an increase caused by a continuous signal (meter drift, base load, donations): since when the condition has
    /// held. Null for event triggers (tx stop, schedule step, activation start, reclaim), which need no hold.
    /// </summary>
    public DateTimeOffset? ContinuousSince { get; init; }
}
