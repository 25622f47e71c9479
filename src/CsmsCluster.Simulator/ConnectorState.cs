namespace CsmsCluster.Simulator;

/// <summary>One connector of a simulated charger: its session, its EV's meter and the profiles installed on it.</summary>
public sealed class ConnectorState(int connectorId)
{
    /// <summary>The OCPP connector id (1-based).</summary>
    public int ConnectorId { get; } = connectorId;

    /// <summary>The open transaction, or null when no EV is charging.</summary>
    public int? TransactionId { get; set; }

    /// <summary>Whether an EV is plugged in (a start may still be under way).</summary>
    public bool Occupied { get; set; }

    /// <summary>Energy register in Wh.</summary>
    public double EnergyWh { get; set; }

    /// <summary>When the register was last advanced.</summary>
    public DateTimeOffset LastMeterTime { get; set; }

    /// <summary>The TxProfile accepted for the running transaction.</summary>
    public ProfileLimit? TxProfile { get; set; }

    /// <summary>The TxDefaultProfile accepted for this connector (or connector 0).</summary>
    public ProfileLimit? TxDefaultProfile { get; set; }

    /// <summary>The current per phase reported in the last MeterValues.</summary>
    public double LastReportedCurrent { get; set; }
}
