namespace CsmsCluster.SmartCharging;

/// <summary>A connector's demand and how many consecutive samples showed it unused.</summary>
/// <param name="Demand">demand_k in A per phase, fed to <see cref="ConnectorInput.Demand"/>.</param>
/// <param name="UnusedSamples">Consecutive samples with installed - measured above the gap.</param>
public sealed record DonationState(double Demand, int UnusedSamples = 0)
{
    /// <summary>The state of a fresh session: demand = max_k.</summary>
    /// <param name="maxCurrent">max_k.</param>
    /// <returns>The initial state.</returns>
    public static DonationState Initial(double maxCurrent) => new(maxCurrent);
}
