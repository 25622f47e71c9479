namespace CsmsCluster.SmartCharging;

/// <summary>The Absolute TxProfile schedule for one connector (spec "What is sent").</summary>
/// <param name="ConnectorId">The connector.</param>
/// <param name="StartSchedule">now - clock skew allowance.</param>
/// <param name="NumberPhases">Phases in use.</param>
/// <param name="Periods">The current limit first, then known future reductions; never an increase.</param>
public sealed record ConnectorSchedule(
    string ConnectorId, DateTimeOffset StartSchedule, int NumberPhases, IReadOnlyList<SchedulePeriod> Periods);
