namespace CsmsCluster.Simulator;

/// <summary>The EV's draw: its own maximum, capped by the installed TxProfile, else by the TxDefaultProfile.</summary>
public static class EvModel
{
    /// <summary>Current per phase the EV draws at <paramref name="now"/>.</summary>
    public static double CurrentPerPhase(ConnectorState connector, double evMaxCurrent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var limit = connector.TxProfile?.At(now) ?? connector.TxDefaultProfile?.At(now);
        return limit is { } l ? Math.Clamp(l, 0, evMaxCurrent) : evMaxCurrent;
    }

    /// <summary>Advances the energy register to <paramref name="now"/> at <paramref name="currentPerPhase"/>.</summary>
    public static void Advance(ConnectorState connector, double currentPerPhase, int phases, double voltage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var hours = Math.Max(0, (now - connector.LastMeterTime).TotalHours);
        connector.EnergyWh += currentPerPhase * voltage * phases * hours;
        connector.LastMeterTime = now;
    }
}
