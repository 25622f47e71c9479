namespace CsmsCluster.Bench.Load;

/// <summary>S5: one silo of a three-silo cluster killed under open-loop MeterValues with transactions.</summary>
public sealed record ClusterResult(
    int Silos, int Gateways, int Chargers, double Rate, double WindowSeconds, double LeaseSeconds, double MarginSeconds,
    long Calls, long Retries, int DisturbedBeforeKill, int DisturbedAfterKill, int AffectedChargers, double ServedAgainSeconds, double OutageSeconds,
    double MaxLatencyAfterKillMs, double P99BeforeKillMs, int ChargersCalledAfterOutage, int ChargersServedAfterOutage,
    long AcknowledgedMeterValues, long StoredMeterValueRows, long MissingMeterValues,
    int Transactions, int MissingTransactions, int IncompleteTransactions)
{
    /// <summary>Disturbed CALLs answered in each whole second after the kill (second, count).</summary>
    public IReadOnlyList<(int Second, int Count)> RecoveryTimeline { get; init; } = [];

    /// <summary>Each node's CPU over the measured window before the kill, in % of one core (name, percent).</summary>
    public IReadOnlyList<(string Node, double Percent)> CpuBeforeKill { get; init; } = [];

    /// <summary>The machine's CPU steal over the same window, in % of its CPU time (<see cref="CpuTimes"/>).</summary>
    public double StealBeforeKillPercent { get; init; }

    /// <summary>The target (performance.md S5): every charger served again within lease + 3 s of the kill.</summary>
    public double BoundSeconds => LeaseSeconds + 3;
}
