namespace CsmsCluster.SmartCharging;

/// <summary>
/// Spec "What is sent": the schedule starts at now - 60 s (clock skew) with the current allocation, and encodes known
/// future reductions within the horizon (grid schedule steps, ends of activation windows) as extra periods. Increases
/// are never pre-encoded: the allocation loop sends them when the event happens.
/// </summary>
public static class ChargingScheduleBuilder
{
    /// <summary>How far before now a schedule starts, so a charger whose clock runs behind applies it at once.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>Builds one schedule per connector with an active session, ordered by connector id.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="inputs">The site.</param>
    /// <param name="horizon">How far ahead reductions are encoded.</param>
    /// <param name="current">The allocation at <paramref name="now"/> when the caller already has it (it is computed
    /// otherwise).</param>
    /// <returns>The schedules.</returns>
    public static IReadOnlyList<ConnectorSchedule> Build(DateTimeOffset now, SiteInputs inputs, TimeSpan horizon, SiteAllocation? current = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var start = now - ClockSkew;
        var steps = inputs.GridLimits.Select(s => s.From)
            .Concat(inputs.Connectors.Select(c => c.ActivationEndsAt ?? DateTimeOffset.MinValue))
            .Where(t => t > now && t <= now + horizon)
            .Distinct()
            .Order()
            .ToList();
        // Rotation stays evaluated at now: the projection is about known limits, rotation sends its own updates.
        var projections = steps.Select(t => (At: t, Allocation: SiteAllocator.Project(now, t, inputs))).ToList();
        current ??= SiteAllocator.Allocate(now, inputs);
        var schedules = new List<ConnectorSchedule>();
        foreach (var connector in current.Connectors.Where(c => c.Reason != ExclusionReason.NoSession))
        {
            var periods = new List<SchedulePeriod> { new(0, connector.Current) };
            foreach (var (at, projection) in projections)
            {
                var limit = projection.For(connector.ConnectorId).Current;
                if (limit < periods[^1].Limit)
                {
                    periods.Add(new SchedulePeriod((int)(at - start).TotalSeconds, limit));
                }
            }
            schedules.Add(new ConnectorSchedule(connector.ConnectorId, start, connector.NumberPhases, periods));
        }
        return schedules;
    }
}
