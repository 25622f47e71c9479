namespace CsmsCluster.SmartCharging;

/// <summary>Thresholds of the unused-allocation ("donated energy") rule (spec "Unused allocation").</summary>
public sealed record DonationOptions
{
    /// <summary>Headroom b above the measured current kept when lowering demand: demand = measured * (1 + b). 0.2.</summary>
    public double Buffer { get; init; } = 0.2;

    /// <summary>The absolute part of the "unused" gap, A. 1 A.</summary>
    public double MinimumGap { get; init; } = 1.0;

    /// <summary>The relative part of the "unused" gap, a fraction of the installed limit. 10 %.</summary>
    public double RelativeGap { get; init; } = 0.1;

    /// <summary>Consecutive unused samples before demand is lowered. 2.</summary>
    public int SamplesToLower { get; init; } = 2;

    /// <summary>Demand is rounded up to this step so the buffer survives flooring of the allocation. 0.1 A.</summary>
    public double Quantum { get; init; } = 0.1;
}
