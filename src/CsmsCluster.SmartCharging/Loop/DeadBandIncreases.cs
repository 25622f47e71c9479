namespace CsmsCluster.SmartCharging.Loop;

/// <summary>
/// Capacity the dead band would strand: when a share grows by less than DB on many connectors at once (a session
/// stopped on a busy site), no increase may be sent and the freed current goes unused until the next event. Where every
/// constraint has room, such a connector is sent installed + DB instead (an increase of exactly the dead band, at most
/// its cap), so the freed capacity goes out in steps that clear the dead band. The sent limit then sits above the target
/// by less than DB, which the dead band allows in either direction; if the room is needed later, the limit check makes
/// that decrease mandatory like any other. Every other rule of an increase still applies (pending decreases Accepted,
/// settle, T_hold, minimum interval).
/// </summary>
internal static class DeadBandIncreases
{
    private const double Epsilon = 1e-9;

    /// <summary>The connectors to raise by the dead band now, with the limit to send, in the order they were chosen.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="inputs">The site, for the limit check.</param>
    /// <param name="allocation">This run's allocation (caps, priorities come from <paramref name="inputs"/>).</param>
    /// <param name="commit">The commit states of the controlled connectors, as planned.</param>
    /// <param name="decisions">This run's decisions by connector id.</param>
    /// <param name="worst">What each controlled connector may run once this run's sends apply; updated with the raises.</param>
    /// <param name="schedules">This run's schedules: a connector whose schedule encodes a future reduction is left alone.</param>
    /// <param name="lastDecreaseAcceptedAt">When the site's last decrease was Accepted.</param>
    /// <param name="options">Send rules.</param>
    /// <returns>Connector id and limit, A per phase.</returns>
    public static IReadOnlyList<(string ConnectorId, double Limit)> Select(
        DateTimeOffset now, SiteInputs inputs, SiteAllocation allocation, IReadOnlyList<ConnectorCommitState> commit,
        IReadOnlyDictionary<string, CommitDecision> decisions, Dictionary<string, double> worst,
        IReadOnlyDictionary<string, ConnectorSchedule> schedules, DateTimeOffset? lastDecreaseAcceptedAt, CommitOptions options)
    {
        // A limit above the target is only safe while no known future step lowers the site's limit: the profile would
        // carry no reduction for it.
        var stepAhead = inputs.GridLimits.Any(g => g.From > now && g.From <= now + TimeSpan.FromDays(1));
        var decreasing = commit.Any(c => c.Pending < c.Installed - Epsilon) || decisions.Values.Any(d => d.Send && d.Reason == CommitReason.Decrease);
        if (stepAhead || decreasing)
        {
            return [];
        }
        var byId = allocation.Connectors.ToDictionary(a => a.ConnectorId, StringComparer.Ordinal);
        var priority = inputs.Connectors.ToDictionary(c => c.Id, c => c.Priority, StringComparer.Ordinal);
        var candidates = commit
            .Where(c => decisions[c.ConnectorId].Reason == CommitReason.WithinDeadBand && c.Pending is null
                && c.Installed > Epsilon && c.Target > c.Installed + Epsilon
                && byId[c.ConnectorId].State == ConnectorState.Admitted
                && !(schedules.TryGetValue(c.ConnectorId, out var s) && s.Periods.Count > 1))
            .OrderByDescending(c => priority[c.ConnectorId])
            .ThenByDescending(c => c.Target - c.Installed)
            .ThenBy(c => c.Installed)
            .ThenBy(c => c.ConnectorId, StringComparer.Ordinal)
            .ToList();
        var raised = new List<(string, double)>();
        foreach (var c in candidates)
        {
            var a = byId[c.ConnectorId];
            var cap = a.Cap / (inputs.Unit == SiteUnit.Watts ? inputs.NominalVoltage * a.NumberPhases : 1);
            var limit = Math.Round(c.Installed + options.DeadBand, 9);
            if (limit > cap + 1e-6)
            {
                continue;
            }
            // The other conditions of an increase, as the planner applies them to a change of this size.
            var decision = CommitPlanner.Plan(now, [c with { Target = limit }], lastDecreaseAcceptedAt, options)[0];
            if (decision.Reason != CommitReason.Increase)
            {
                continue;
            }
            var before = worst[c.ConnectorId];
            worst[c.ConnectorId] = limit;
            if (LimitCheck.Check(now, inputs, worst).WithinLimits)
            {
                raised.Add((c.ConnectorId, limit));
            }
            else
            {
                worst[c.ConnectorId] = before;
            }
        }
        return raised;
    }
}
