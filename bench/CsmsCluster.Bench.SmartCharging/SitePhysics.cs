using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// One simulated second of a site: what every EV draws under the limit its charger runs, the energy delivered, and
/// the per-second metrics (I1 on the commands, measured draw against the raw limit, limits between 0 and min, the
/// utilisation integrals and the reference allocation's energy).
/// </summary>
public sealed class SitePhysics(SimulationScenario scenario, LoopOptions options, SiteLoopState state, CommandLedger ledger, SimulationMetrics metrics)
{
    private const int Phases = 3;

    public void Second(DateTimeOffset now, IReadOnlyList<SimulatedCharger> chargers)
    {
        ArgumentNullException.ThrowIfNull(chargers);
        var voltage = state.Settings.Voltage;
        var watts = scenario.Unit == SiteUnit.Watts;
        var rows = watts ? 1 : Phases;
        var load = new double[rows];
        var demand = new double[rows];
        var evs = new Dictionary<string, SimulatedEv>(StringComparer.Ordinal);
        foreach (var charger in chargers)
        {
            charger.UpdateDraws(now, voltage);
            foreach (var connector in charger.Connectors.Where(k => k.Ev is not null))
            {
                var ev = connector.Ev!;
                var id = SiteObservations.ConnectorId(charger.Id, connector.Number);
                evs.Add(id, ev);
                Spread(load, connector, ev, connector.Draw, voltage, watts);
                Spread(demand, connector, ev, ev.Possible, voltage, watts);
                var session = metrics.Session(connector.TransactionId!.Value)!;
                session.DeliveredKwh += ev.Deliver(connector.Draw, voltage, 1);
                CheckMinimum(charger, connector, id, now, voltage);
            }
        }
        var raw = Math.Min(scenario.Limit, GridLimit(now));
        var effective = (1 - scenario.Margin) * raw;
        metrics.Delivered += load.Sum();
        metrics.Servable += demand.Sum(d => Math.Min(effective, d));
        metrics.ServableRaw += demand.Sum(d => Math.Min(raw, d));
        var excess = load.Max() - raw;
        if (excess > 1e-6)
        {
            metrics.MeasuredViolationSeconds++;
            metrics.MaxMeasuredExcess = Math.Max(metrics.MaxMeasuredExcess, excess);
        }
        var check = ledger.Check(state, now, options);
        if (!check.WithinLimits)
        {
            metrics.CommandViolationSeconds++;
            metrics.MaxCommandExcess = Math.Max(metrics.MaxCommandExcess, check.Exceeded.Max(e => e.Excess));
        }
        Reference(now, evs, voltage, watts);
    }

    private double GridLimit(DateTimeOffset now) =>
        state.Settings.GridLimits.Where(g => g.From <= now).OrderBy(g => g.From).Select(g => g.Limit).LastOrDefault(double.PositiveInfinity);

    private static void Spread(double[] rows, SimulatedConnector connector, SimulatedEv ev, double current, double voltage, bool watts)
    {
        if (watts)
        {
            rows[0] += current * voltage * ev.Phases;
        }
        else if (ev.Phases == 1)
        {
            rows[(int)connector.WiredPhase - 1] += current;
        }
        else
        {
            for (var p = 0; p < Phases; p++)
            {
                rows[p] += current;
            }
        }
    }

    private void CheckMinimum(SimulatedCharger charger, SimulatedConnector connector, string id, DateTimeOffset now, double voltage)
    {
        var min = state.Settings.Connectors.TryGetValue(id, out var s) ? s.MinCurrent ?? 6 : 6;
        var running = charger.LimitAt(connector, now, voltage);
        if (charger.Behaviour == ChargerBehaviour.Compliant && running > 1e-9 && running < min - 1e-9)
        {
            metrics.BelowMinSeconds++;
        }
        if (state.Connectors.TryGetValue(id, out var c) && c.Effective > 1e-9 && c.Effective < min - 1e-9)
        {
            metrics.LoopBelowMinSeconds++;
        }
    }

    private void Reference(DateTimeOffset now, Dictionary<string, SimulatedEv> evs, double voltage, bool watts)
    {
        if (evs.Count == 0)
        {
            return;
        }
        var reference = ReferenceAllocation.Compute(state, now, options, evs);
        foreach (var allocation in reference.Connectors.Where(a => evs.ContainsKey(a.ConnectorId)))
        {
            var ev = evs[allocation.ConnectorId];
            var current = Math.Min(allocation.Current, ev.Possible);
            // In site units: A on each phase the EV loads, or W.
            metrics.ReferenceDelivered += watts ? current * voltage * ev.Phases : current * ev.Phases;
            var transaction = state.Connectors[allocation.ConnectorId].TransactionId;
            if (transaction is { } tx && metrics.Session(tx) is { } session)
            {
                session.ReferenceKwh += current * voltage * ev.Phases / 3_600_000;
            }
        }
    }
}
