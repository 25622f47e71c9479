namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// An EV: draws min(the limit its connector runs, what it can take now) on its phases until it has its energy or its
/// driver leaves. Near full it tapers: above <see cref="TaperFrom"/> of its need it takes less and less (down to 30 %).
/// </summary>
public sealed class SimulatedEv(int id, int phases, double maxCurrent, double needKwh, DateTimeOffset arrival, DateTimeOffset leaveBy)
{
    /// <summary>Fraction of the need after which the EV tapers.</summary>
    public const double TaperFrom = 0.85;

    public int Id { get; } = id;

    /// <summary>1 or 3.</summary>
    public int Phases { get; } = phases;

    /// <summary>What the EV takes at most, A per phase (unknown to the CSMS).</summary>
    public double MaxCurrent { get; } = maxCurrent;

    public double NeedKwh { get; } = needKwh;

    public DateTimeOffset Arrival { get; } = arrival;

    /// <summary>The driver leaves at this time at the latest.</summary>
    public DateTimeOffset LeaveBy { get; } = leaveBy;

    public double DeliveredKwh { get; private set; }

    public bool Full => DeliveredKwh >= NeedKwh - 1e-9;

    /// <summary>What the EV could draw now if nothing limited it, A per phase.</summary>
    public double Possible
    {
        get
        {
            if (Full)
            {
                return 0;
            }
            var progress = DeliveredKwh / NeedKwh;
            var taper = progress <= TaperFrom ? 1 : Math.Max(0.3, 1 - (0.7 * (progress - TaperFrom) / (1 - TaperFrom)));
            return Math.Round(MaxCurrent * taper, 1);
        }
    }

    /// <summary>The current drawn under <paramref name="limit"/>, A per phase.</summary>
    public double Draw(double limit) => Math.Min(Math.Max(0, limit), Possible);

    /// <summary>Adds the energy of drawing <paramref name="current"/> for <paramref name="seconds"/>.</summary>
    public double Deliver(double current, double voltage, double seconds)
    {
        var kwh = Math.Min(current * voltage * Phases * seconds / 3_600_000, NeedKwh - DeliveredKwh);
        DeliveredKwh += Math.Max(0, kwh);
        return Math.Max(0, kwh);
    }
}
