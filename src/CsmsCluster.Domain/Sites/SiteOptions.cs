using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Domain.Sites;

/// <summary>Allocation-loop settings shared by every site (<c>Csms:SmartCharging</c>); defaults are the spec's.</summary>
public sealed class SiteOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Csms:SmartCharging";

    /// <summary>Periodic allocation run. Default 10 s.</summary>
    public TimeSpan Cycle { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events closer together share one run. Default 1 s.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Launch phase of a new session without current. Default 60 s.</summary>
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait after the last Accepted decrease before increases. Default 5 s.</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a continuous signal must hold before an increase. Default 60 s.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Least time between two sends to one connector (mandatory decreases excepted). Default 30 s.</summary>
    public TimeSpan MinSendInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rotation period of queued sessions. Default 900 s.</summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromSeconds(900);

    /// <summary>Dead band in A. Default 1 A.</summary>
    public double DeadBand { get; set; } = 1.0;

    /// <summary>Stack level of the loop's profiles. Default 1.</summary>
    public int StackLevel { get; set; } = 1;

    /// <summary>TxProfile ids are this plus the connector id; the ChargePointMaxProfile uses it itself. Default 9100000.</summary>
    public int ProfileIdBase { get; set; } = 9_100_000;

    /// <summary>Stack level of pre-armed connectors' launch TxDefaultProfiles. Default 2.</summary>
    public int PreArmStackLevel { get; set; } = 2;

    /// <summary>A pre-armed connector's TxDefaultProfile id is this plus the connector id. Default 9200000.</summary>
    public int PreArmProfileIdBase { get; set; } = 9_200_000;

    /// <summary>How long a SetChargingProfile may wait for the charger's answer. Default 30 s.</summary>
    public TimeSpan ProfileTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The loop options these settings stand for.</summary>
    /// <returns>The options.</returns>
    public LoopOptions ToLoopOptions() => new()
    {
        Cycle = Cycle,
        Debounce = Debounce,
        LaunchTimeout = LaunchTimeout,
        StackLevel = StackLevel,
        ProfileIdBase = ProfileIdBase,
        PreArmStackLevel = PreArmStackLevel,
        PreArmProfileIdBase = PreArmProfileIdBase,
        Allocation = new AllocationOptions { RotationPeriod = RotationPeriod },
        Commit = new CommitOptions { Settle = Settle, Hold = Hold, MinInterval = MinSendInterval, DeadBand = DeadBand },
    };
}
