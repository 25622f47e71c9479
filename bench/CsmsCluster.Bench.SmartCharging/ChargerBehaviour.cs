namespace CsmsCluster.Bench.SmartCharging;

/// <summary>How a simulated charger answers SetChargingProfile.</summary>
public enum ChargerBehaviour
{
    /// <summary>Accepts after a short delay and applies the limit on acceptance; runs 0 A until a TxProfile arrives.</summary>
    Compliant,

    /// <summary>Rejects every TxProfile (no smart charging): its connectors run at the hardware maximum.</summary>
    Rejecting,

    /// <summary>Never answers TxProfiles and ignores them: its connectors run at the hardware maximum.</summary>
    Silent,
}
