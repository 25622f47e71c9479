namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// I1 counts future periods: a known reduction (a grid schedule step) must already be in the profiles the chargers run
/// when it takes effect. Profiles are sent only when a connector's current limit changes, so a reduction announced
/// later, or one that shrank because sessions arrived, would be missing; this finds the connectors whose installed
/// schedules would exceed a constraint at a future step and what to send them: the installed limit again, followed
/// by the reductions they lack.
/// </summary>
internal static class FutureReductions
{
    private const double Epsilon = 1e-9;

    public static List<(LoopConnector Connector, ConnectorSchedule Schedule)> Missing(
        DateTimeOffset now, SiteInputs inputs, IReadOnlyList<LoopConnector> controlled, IReadOnlyDictionary<string, ConnectorSchedule> schedules, TimeSpan horizon)
    {
        var steps = Steps(now, inputs, horizon);
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var at in steps)
        {
            var worst = controlled.ToDictionary(c => c.Id, c => c.MayRunAt(at), StringComparer.Ordinal);
            flagged.UnionWith(LimitCheck.Check(at, inputs, worst).Connectors);
        }
        var missing = new List<(LoopConnector, ConnectorSchedule)>();
        // A connector with a send pending is checked again once it is answered.
        foreach (var c in controlled.Where(c => flagged.Contains(c.Id) && c.Pending is null))
        {
            if (!schedules.TryGetValue(c.Id, out var target))
            {
                continue;
            }
            var periods = new List<SchedulePeriod> { new(0, c.Installed) };
            periods.AddRange(target.Periods.Skip(1).Where(p => p.Limit < c.Installed - Epsilon));
            var schedule = target with { Periods = periods };
            var sent = new SentSchedule(schedule.StartSchedule, periods);
            if (steps.Any(at => sent.LimitAt(at) < c.EffectiveAt(at) - Epsilon))
            {
                missing.Add((c, schedule));
            }
        }
        return missing;
    }

    /// <summary>The instants within the horizon at which a known limit changes (as <see cref="ChargingScheduleBuilder"/> encodes them).</summary>
    private static List<DateTimeOffset> Steps(DateTimeOffset now, SiteInputs inputs, TimeSpan horizon) =>
        [.. inputs.GridLimits.Select(s => s.From)
            .Concat(inputs.Connectors.Select(c => c.ActivationEndsAt ?? DateTimeOffset.MinValue))
            .Where(t => t > now && t <= now + horizon)
            .Distinct()
            .Order()];
}
