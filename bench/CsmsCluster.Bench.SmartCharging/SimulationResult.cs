namespace CsmsCluster.Bench.SmartCharging;

/// <summary>The figures of one simulated scenario (spec "Metrics").</summary>
public sealed record SimulationResult
{
    public required SimulationScenario Scenario { get; init; }

    public double SimulatedHours { get; init; }

    public int SessionsStarted { get; init; }

    public int SessionsEnded { get; init; }

    /// <summary>EVs that found every connector taken and left.</summary>
    public int Balked { get; init; }

    public double SessionHours { get; init; }

    public double DeliveredKwh { get; init; }

    /// <summary>delivered / integral(min(L_eff, demand)).</summary>
    public double Utilisation { get; init; }

    /// <summary>What the reference allocation would deliver / integral(min(L_eff, demand)): the allocator's own ceiling.</summary>
    public double ReferenceUtilisation { get; init; }

    /// <summary>delivered / integral(min(raw limit, demand)): the margin counted as loss.</summary>
    public double UtilisationRaw { get; init; }

    /// <summary>Jain's index of delivered / reference over controlled sessions.</summary>
    public double Fairness { get; init; }

    public int FairnessSessions { get; init; }

    public double MinRatio { get; init; }

    public double MaxRatio { get; init; }

    public int TxProfiles { get; init; }

    /// <summary>The first TxProfile of each session.</summary>
    public int LaunchSends { get; init; }

    public int Backstops { get; init; }

    public int LoopRuns { get; init; }

    /// <summary>Launch TxDefaultProfiles sent to pre-armed connectors (arming and clearing); counted as profile messages.</summary>
    public int TxDefaults { get; init; }

    /// <summary>Sessions that began on a connector already running a launch TxDefault.</summary>
    public int ArmedStarts { get; init; }

    public double MessagesPerSessionHour => SessionHours > 0 ? (TxProfiles + TxDefaults) / SessionHours : 0;

    /// <summary>Without each session's first TxProfile (TxDefaults included).</summary>
    public double SteadyMessagesPerSessionHour => SessionHours > 0 ? (TxProfiles - LaunchSends + TxDefaults) / SessionHours : 0;

    public int CommandViolationSeconds { get; init; }

    public double MaxCommandExcess { get; init; }

    public int MeasuredViolationSeconds { get; init; }

    public double MaxMeasuredExcess { get; init; }

    /// <summary>Seconds (summed over connectors) a charger ran 0 &lt; limit &lt; min.</summary>
    public int BelowMinSeconds { get; init; }

    /// <summary>Seconds (summed over connectors) the loop counted 0 &lt; max(installed, pending) &lt; min.</summary>
    public int LoopBelowMinSeconds { get; init; }

    /// <summary>Trigger to the last decrease of its run Accepted, s.</summary>
    public required IReadOnlyList<double> DecreaseLatencies { get; init; }

    /// <summary>Grid-limit step to the last decrease it needed Accepted (0 when the profiles already carried it), s.</summary>
    public double? GridDropLatency { get; init; }

    /// <summary>Transaction start to a non-zero limit Accepted, s.</summary>
    public required IReadOnlyList<double> StartLatencies { get; init; }

    public int Alarms { get; init; }

    public int Uncontrollable { get; init; }

    public IReadOnlyDictionary<string, int> SendsByReason { get; init; } = new Dictionary<string, int>();
}
