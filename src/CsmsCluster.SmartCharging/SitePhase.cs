namespace CsmsCluster.SmartCharging;

/// <summary>A supply phase of the site.</summary>
public enum SitePhase
{
    /// <summary>Phase L1.</summary>
    L1 = 1,

    /// <summary>Phase L2.</summary>
    L2 = 2,

    /// <summary>Phase L3.</summary>
    L3 = 3,
}
