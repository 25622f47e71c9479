namespace CsmsCluster.SmartCharging;

/// <summary>One charging schedule period: from <paramref name="StartPeriod"/> seconds after startSchedule.</summary>
/// <param name="StartPeriod">Seconds from the schedule's start.</param>
/// <param name="Limit">The limit in A per phase, floored to the quantum.</param>
public sealed record SchedulePeriod(int StartPeriod, double Limit);
