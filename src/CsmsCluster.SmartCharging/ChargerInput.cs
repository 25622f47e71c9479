namespace CsmsCluster.SmartCharging;

/// <summary>A charger: its connectors share <see cref="Cap"/> (spec "Model": a cap per charger).</summary>
/// <param name="Id">Stable charger id.</param>
/// <param name="Cap">The charger's hardware cap in A per phase, whatever the site unit.</param>
public sealed record ChargerInput(string Id, double Cap)
{
    /// <summary>The feeder the charger hangs from, or null for directly under the site.</summary>
    public string? FeederId { get; init; }

    /// <summary>
    /// False while the charger is disconnected: its connectors keep their last limits, so they count in fixedLoad at
    /// their installed limit (spec "When to send": offline chargers keep their last limits counted).
    /// </summary>
    public bool Online { get; init; } = true;
}
