namespace CsmsCluster.Bench.SmartCharging;

/// <summary>What the simulation measured about one session.</summary>
public sealed class SessionRecord(SimulatedEv ev, string connectorId, int transactionId, DateTimeOffset start, bool controlled)
{
    public SimulatedEv Ev { get; } = ev;

    public string ConnectorId { get; } = connectorId;

    public int TransactionId { get; } = transactionId;

    public DateTimeOffset Start { get; } = start;

    /// <summary>False on a charger that does not follow profiles: left out of fairness.</summary>
    public bool Controlled { get; } = controlled;

    public DateTimeOffset? End { get; set; }

    public double DeliveredKwh { get; set; }

    /// <summary>The energy the reference allocation (every EV's real demand known) gave it over the same time.</summary>
    public double ReferenceKwh { get; set; }

    /// <summary>When its first non-zero limit was Accepted.</summary>
    public DateTimeOffset? FirstLimitAt { get; set; }

    /// <summary>TxProfiles sent for it.</summary>
    public int Sends { get; set; }

    public double Hours(DateTimeOffset end) => ((End ?? end) - Start).TotalHours;
}
