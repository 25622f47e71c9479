namespace CsmsCluster.SmartCharging.Loop;

/// <summary>A measured draw from MeterValues: per-phase Current.Import when present, else Power.Active.Import.</summary>
/// <param name="ChargerId">The charge point id.</param>
/// <param name="ConnectorNumber">The connector.</param>
/// <param name="At">The sample time.</param>
/// <param name="PhaseCurrents">Current.Import of L1, L2, L3 in A (null entries unknown); null when not sampled.</param>
/// <param name="PowerW">Power.Active.Import in W when sampled.</param>
public sealed record MeterObservation(
    string ChargerId, int ConnectorNumber, DateTimeOffset At, IReadOnlyList<double?>? PhaseCurrents, double? PowerW)
{
    /// <summary>A Current.Import without a phase (A), used when no per-phase value is present.</summary>
    public double? Current { get; init; }
}
