namespace CsmsCluster.SmartCharging;

/// <summary>Tuning of the allocation (spec "Defaults").</summary>
public sealed record AllocationOptions
{
    /// <summary>T_rot: how long an admitted session is protected before queued ones may take its place. 900 s.</summary>
    public TimeSpan RotationPeriod { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>The chargers' resolution in A per phase; allocations are floored to it. 0.1 A.</summary>
    public double Quantum { get; init; } = 0.1;
}
