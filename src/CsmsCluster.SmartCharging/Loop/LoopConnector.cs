namespace CsmsCluster.SmartCharging.Loop;

/// <summary>A connector's runtime state in the loop (persisted with the site, so limits survive a restart).</summary>
public sealed class LoopConnector
{
    /// <summary><c>chargePointId/n</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The charge point.</summary>
    public string ChargerId { get; set; } = "";

    /// <summary>The OCPP connector id.</summary>
    public int Number { get; set; }

    /// <summary>The last reported status.</summary>
    public string Status { get; set; } = "Available";

    /// <summary>The open transaction, if any.</summary>
    public int? TransactionId { get; set; }

    /// <summary>The session the allocator sees (rotation times, launch).</summary>
    public ActiveSession? Session { get; set; }

    /// <summary>The last Accepted limit, A per phase (0 = no loop profile installed).</summary>
    public double Installed { get; set; }

    /// <summary>A sent limit awaiting its answer.</summary>
    public double? Pending { get; set; }

    /// <summary>The schedule of the last Accepted profile; null means flat at <see cref="Installed"/>.</summary>
    public SentSchedule? InstalledSchedule { get; set; }

    /// <summary>The schedule of the pending send; null means flat at <see cref="Pending"/>.</summary>
    public SentSchedule? PendingSchedule { get; set; }

    /// <summary>The sequence of the pending send.</summary>
    public long? PendingSequence { get; set; }

    /// <summary>When a profile was last sent.</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>When the last TxProfile of the current transaction was Accepted (null before the first).</summary>
    public DateTimeOffset? LastAcceptedAt { get; set; }

    /// <summary>False once sends failed twice or the connector drew above its limit.</summary>
    public bool Controllable { get; set; } = true;

    /// <summary>Consecutive failed sends.</summary>
    public int Failures { get; set; }

    /// <summary>True after one failure: the retry uses the fallback mode (W instead of A).</summary>
    public bool Fallback { get; set; }

    /// <summary>True when the target must be sent even if unchanged (after the charger reconnected).</summary>
    public bool ResendRequired { get; set; }

    /// <summary>Donation state: the lowered demand, if any.</summary>
    public DonationState? Donation { get; set; }

    /// <summary>The connector's launch TxDefaultProfile, once the pre-armed launch option touched it.</summary>
    public PreArmState? PreArm { get; set; }

    /// <summary>The last measured current (highest phase), A.</summary>
    public double? Measured { get; set; }

    /// <summary>Phases carrying more than 1 A in the last sample with per-phase values.</summary>
    public int? PhasesInUse { get; set; }

    /// <summary>Consecutive samples above the installed limit plus tolerance.</summary>
    public int OverdrawSamples { get; set; }

    /// <summary>The last allocation in the site's unit (for the API).</summary>
    public double Allocation { get; set; }

    /// <summary>The last allocation in A per phase.</summary>
    public double Target { get; set; }

    /// <summary>Admitted, queued or not eligible, from the last run.</summary>
    public ConnectorState State { get; set; } = ConnectorState.NotEligible;

    /// <summary>Why it is not eligible, from the last run.</summary>
    public ExclusionReason Reason { get; set; } = ExclusionReason.NoSession;

    /// <summary>The limit the charger may be running now: max(installed, pending).</summary>
    public double Effective => Math.Max(Installed, Pending ?? Installed);

    /// <summary>The limit the charger may be running at <paramref name="at"/>, future periods of its profiles included.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>max(installed, pending) at that instant, A per phase.</returns>
    public double EffectiveAt(DateTimeOffset at) => Math.Max(
        InstalledSchedule?.LimitAt(at) ?? Installed,
        Pending is { } pending ? PendingSchedule?.LimitAt(at) ?? pending : 0);

    /// <summary>
    /// A session's launch TxDefaultProfile that may still be installed (0 when none): the charger runs it until the
    /// session's TxProfile is Accepted, and it is a plug-in's launch current again the moment the session ends.
    /// </summary>
    public double LaunchDefault => TransactionId is not null && PreArm is { } p ? p.Effective : 0;

    /// <summary>What the connector may run or, once its session ends, start a plug-in at: <see cref="EffectiveAt"/>, at least <see cref="LaunchDefault"/>.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>A per phase.</returns>
    public double MayRunAt(DateTimeOffset at) => Math.Max(EffectiveAt(at), LaunchDefault);
}
