namespace CsmsCluster.SmartCharging.Loop;

/// <summary>The charger's answer to a profile the loop sent.</summary>
public enum ProfileOutcome
{
    /// <summary>SetChargingProfile Accepted.</summary>
    Accepted,

    /// <summary>Rejected or NotSupported.</summary>
    Rejected,

    /// <summary>CALLERROR or no answer within the timeout.</summary>
    Failed,

    /// <summary>The charger was not connected (or went away): the send did not reach it.</summary>
    NotDelivered,
}
