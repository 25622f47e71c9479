namespace CsmsCluster.SmartCharging.Loop;

/// <summary>Timing and profile settings of the allocation loop (spec "Defaults").</summary>
public sealed record LoopOptions
{
    /// <summary>Periodic allocation run, 10 s.</summary>
    public TimeSpan Cycle { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Events closer together than this share one run; the first event after a quiet period runs at once. 1 s.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A new session leaves its launch phase at its first current above 0 or after this long, 60 s.</summary>
    public TimeSpan LaunchTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How far ahead known reductions are encoded in a profile, 24 h.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The fixed stack level of the loop's TxProfiles and ChargePointMaxProfiles, 1.</summary>
    public int StackLevel { get; init; } = 1;

    /// <summary>TxProfile ids are this plus the connector id; the ChargePointMaxProfile uses this value itself.</summary>
    public int ProfileIdBase { get; init; } = 9_100_000;

    /// <summary>The fixed stack level of pre-armed connectors' launch TxDefaultProfiles, 2.</summary>
    public int PreArmStackLevel { get; init; } = 2;

    /// <summary>A pre-armed connector's TxDefaultProfile id is this plus the connector id, 9200000.</summary>
    public int PreArmProfileIdBase { get; init; } = 9_200_000;

    /// <summary>Rotation period, quantum.</summary>
    public AllocationOptions Allocation { get; init; } = new();

    /// <summary>Dead band, settle, hold and minimum send interval.</summary>
    public CommitOptions Commit { get; init; } = new();

    /// <summary>Thresholds of the unused-allocation (donation) logic.</summary>
    public DonationOptions Donation { get; init; } = new();

    /// <summary>Consecutive samples above installed + max(1 A, 10 %) that mark a connector uncontrollable, 2.</summary>
    public int OverdrawSamples { get; init; } = 2;

    /// <summary>Most alarms a site keeps, 100.</summary>
    public int MaxAlarms { get; init; } = 100;
}
