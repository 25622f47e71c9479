namespace CsmsCluster.SmartCharging;

/// <summary>An active transaction on a connector, with the times the rotation order needs (spec "Allocation" 3).</summary>
/// <param name="Start">When the transaction started.</param>
public sealed record ActiveSession(DateTimeOffset Start)
{
    /// <summary>When the session was last admitted, or null while it is queued (not admitted).</summary>
    public DateTimeOffset? AdmittedSince { get; init; }

    /// <summary>
    /// When the session last yielded its place (queued after being admitted); null while it has never been admitted,
    /// in which case it has waited since <see cref="Start"/>. Less than T_rot after a yield the session ranks after the
    /// served ones (see <see cref="After"/>); a session that is queued on arrival never sets it, so a new arrival ranks
    /// as waiting at once.
    /// </summary>
    public DateTimeOffset? QueuedSince { get; init; }

    /// <summary>True while the session is in its launch phase and capped at the connector's launch current.</summary>
    public bool InLaunch { get; init; }

    /// <summary>
    /// The session as it should be fed into the next allocation after this one gave it <paramref name="state"/> at
    /// <paramref name="now"/>: admission and queueing times change only on a transition, so rotation sees how long a
    /// session has been served or has waited.
    /// </summary>
    /// <param name="state">The state the allocation at <paramref name="now"/> gave the connector.</param>
    /// <param name="now">The time of that allocation.</param>
    /// <returns>The updated session.</returns>
    public ActiveSession After(ConnectorState state, DateTimeOffset now) => state switch
    {
        ConnectorState.Admitted when AdmittedSince is null => this with { AdmittedSince = now, QueuedSince = null },
        ConnectorState.Queued when AdmittedSince is not null => this with { AdmittedSince = null, QueuedSince = now },
        _ => this,
    };
}
