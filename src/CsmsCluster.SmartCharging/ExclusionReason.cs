namespace CsmsCluster.SmartCharging;

/// <summary>Why a connector is not eligible (spec "Allocation" 1); the first that applies is reported.</summary>
public enum ExclusionReason
{
    /// <summary>The connector is eligible.</summary>
    None,

    /// <summary>No active transaction.</summary>
    NoSession,

    /// <summary>The charger is offline; its installed limit counts in fixedLoad.</summary>
    ChargerOffline,

    /// <summary>The connector is uncontrollable; its installed limit counts in fixedLoad.</summary>
    Uncontrollable,

    /// <summary>The connector is faulted.</summary>
    Faulted,

    /// <summary>None of the connector's activation groups is active.</summary>
    OutsideActivationWindow,

    /// <summary>The connector's maximum is below its minimum, so no valid allocation exists (I3).</summary>
    MaximumBelowMinimum,
}
