namespace CsmsCluster.SmartCharging;

/// <summary>Spec "Allocation" step 1: who may be allocated at all, and what stays counted as fixed load.</summary>
internal static class Eligibility
{
    public static ExclusionReason Reason(ConnectorInput connector, ChargerInput charger, bool allowed)
    {
        if (connector.Session is null)
        {
            return ExclusionReason.NoSession;
        }
        if (!charger.Online)
        {
            return ExclusionReason.ChargerOffline;
        }
        if (!connector.Controllable)
        {
            return ExclusionReason.Uncontrollable;
        }
        if (connector.Faulted)
        {
            return ExclusionReason.Faulted;
        }
        if (!allowed)
        {
            return ExclusionReason.OutsideActivationWindow;
        }
        // I3 forbids 0 < a < min, and I2 forbids a > max: no valid non-zero value exists.
        return connector.MaxCurrent < connector.MinCurrent ? ExclusionReason.MaximumBelowMinimum : ExclusionReason.None;
    }

    /// <summary>Spec "Model": uncontrollable or offline connectors count at their installed limit.</summary>
    public static bool IsFixedLoad(ConnectorInput connector, ChargerInput charger) =>
        !connector.Controllable || !charger.Online;

    /// <summary>Spec "Launch energy": a pre-armed idle connector reserves its launch current.</summary>
    public static bool IsReserve(ConnectorInput connector, ChargerInput charger) =>
        connector.PreArmed && connector.Session is null && !IsFixedLoad(connector, charger);
}
