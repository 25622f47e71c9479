namespace CsmsCluster.SmartCharging;

/// <summary>The kind of a capacity constraint.</summary>
public enum ConstraintKind
{
    /// <summary>The site connection (static and grid limit, margin, base load).</summary>
    Site,

    /// <summary>A feeder between the site and some chargers.</summary>
    Feeder,

    /// <summary>A charger's hardware cap shared by its connectors.</summary>
    Charger,
}
