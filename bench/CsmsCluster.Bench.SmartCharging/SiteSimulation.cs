using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// A site in accelerated discrete time (1 s ticks on an injected clock, nothing sleeps): EVs arrive (Poisson) and
/// leave, chargers answer profiles after a delay, meter values flow every few seconds, the grid limit drops once, and
/// the Site grain's loop runs every 10 s and on events (debounced 1 s, leading edge). Each tick: grid schedule,
/// departures, arrivals, charger answers and timeouts, meter values, the loop run if due, then one second of physics
/// and the metrics of that second.
/// </summary>
public sealed class SiteSimulation
{
    /// <summary>Where every simulation starts: a Monday morning, UTC.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 6, 2, 6, 0, 0, TimeSpan.Zero);

    private readonly SimulationScenario _scenario;
    private readonly LoopOptions _options;
    private readonly Random _random;
    private readonly SiteLoopState _state = new();
    private readonly CommandLedger _ledger = new();
    private readonly SimulationMetrics _metrics = new();
    private readonly LoopScheduler _scheduler;
    private readonly List<SimulatedCharger> _chargers;
    private readonly Dictionary<string, SimulatedCharger> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _meterOffsets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, (ProfileCommand Command, DateTimeOffset Deadline)> _outstanding = [];
    private readonly Queue<DateTimeOffset> _arrivals;
    private readonly SitePhysics _physics;
    private DateTimeOffset _now = Epoch;
    private int _nextTransaction = 1;
    private int _nextEv = 1;

    public SiteSimulation(SimulationScenario scenario, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _options = options ?? new LoopOptions();
        _random = new Random(scenario.Seed);
        _scheduler = new LoopScheduler(_options.Cycle, _options.Debounce);
        var faulty = scenario.RejectingChargers + scenario.SilentChargers;
        _chargers = [.. Enumerable.Range(0, scenario.Chargers).Select(i => new SimulatedCharger(
            $"CP{i + 1:00}", scenario.ChargerCap, scenario.ConnectorsPerCharger, (SitePhase)((i % 3) + 1),
            i < scenario.Chargers - faulty ? ChargerBehaviour.Compliant
                : i < scenario.Chargers - scenario.SilentChargers ? ChargerBehaviour.Rejecting : ChargerBehaviour.Silent))];
        _chargers.ForEach(c => _byId.Add(c.Id, c));
        _arrivals = new Queue<DateTimeOffset>(ArrivalTimes());
        _physics = new SitePhysics(scenario, _options, _state, _ledger, _metrics);
    }

    /// <summary>The loop's state (for assertions).</summary>
    public SiteLoopState State => _state;

    /// <summary>Runs the whole scenario.</summary>
    public SimulationResult Run()
    {
        _state.Configured = true;
        _state.Settings = new SiteSettings
        {
            Unit = _scenario.Unit,
            Limit = _scenario.Limit,
            Margin = _scenario.Margin,
            PreArmedConnectors = _scenario.PreArmedConnectors,
            Connectors = _chargers.SelectMany(c => c.Connectors.Select(k => (Id: SiteObservations.ConnectorId(c.Id, k.Number), k.WiredPhase)))
                .ToDictionary(x => x.Id, x => new ConnectorSettings { Phase = x.WiredPhase }, StringComparer.Ordinal),
        };
        foreach (var charger in _chargers)
        {
            SiteObservations.ApplyCharger(_state, charger.Observation(), _now);
            charger.Connectors.ToList().ForEach(k => _meterOffsets[SiteObservations.ConnectorId(charger.Id, k.Number)] = _random.Next((int)_scenario.MeterInterval.TotalSeconds));
        }
        var seconds = (int)_scenario.Duration.TotalSeconds;
        for (var second = 0; second < seconds; second++)
        {
            _now = Epoch.AddSeconds(second);
            Tick(second);
        }
        return _metrics.Result(_scenario, Epoch.AddSeconds(seconds), _state);
    }

    private void Tick(int second)
    {
        GridSchedule(second);
        Departures();
        Arrivals();
        Answers();
        Meters(second);
        if (_scheduler.Due(_now))
        {
            RunLoop();
        }
        _physics.Second(_now, _chargers);
    }

    private void GridSchedule(int second)
    {
        if (_scenario.GridDropAt is not { } drop)
        {
            return;
        }
        var at = (int)drop.TotalSeconds;
        var until = at + (int)_scenario.GridDropFor.TotalSeconds;
        if (second == at - (int)_scenario.GridDropNotice.TotalSeconds)
        {
            _state.Settings = _state.Settings with
            {
                GridLimits = [new GridLimitStep(Epoch.AddSeconds(at), _scenario.GridDropLimit), new GridLimitStep(Epoch.AddSeconds(until), double.PositiveInfinity)],
            };
            _scheduler.Trigger(_now);
        }
        if (second == at || second == until)
        {
            // The grain runs the loop at every known step of the grid schedule.
            _scheduler.Trigger(_now);
        }
        if (second == at)
        {
            _metrics.GridStep(_now);
        }
    }

    private void Departures()
    {
        foreach (var charger in _chargers)
        {
            var changed = false;
            foreach (var connector in charger.Connectors.Where(k => k.Ev is { } ev && (ev.Full || _now >= ev.LeaveBy)))
            {
                var id = SiteObservations.ConnectorId(charger.Id, connector.Number);
                _metrics.Session(connector.TransactionId!.Value)!.End = _now;
                connector.Ev = null;
                connector.TransactionId = null;
                connector.TransactionStart = null;
                connector.Profile = null;
                _ledger.TransactionEnded(id);
                changed = true;
            }
            if (changed && SiteObservations.ApplyCharger(_state, charger.Observation(), _now))
            {
                _scheduler.Trigger(_now);
            }
        }
    }

    private void Arrivals()
    {
        while (_arrivals.Count > 0 && _arrivals.Peek() <= _now)
        {
            _arrivals.Dequeue();
            var free = _chargers.SelectMany(c => c.Connectors.Where(k => k.Ev is null).Select(k => (Charger: c, Connector: k))).ToList();
            var phases = _random.NextDouble() < _scenario.SinglePhaseShare ? 1 : 3;
            var max = _scenario.EvMaxCurrents[_random.Next(_scenario.EvMaxCurrents.Count)];
            var need = _scenario.MinNeedKwh + (_random.NextDouble() * (_scenario.MaxNeedKwh - _scenario.MinNeedKwh));
            var dwell = _scenario.MinDwell + (_random.NextDouble() * (_scenario.MaxDwell - _scenario.MinDwell));
            if (free.Count == 0)
            {
                _metrics.Balked++;
                continue;
            }
            var (charger, connector) = free[_random.Next(free.Count)];
            var ev = new SimulatedEv(_nextEv++, phases, max, need, _now, _now + dwell);
            connector.Ev = ev;
            connector.TransactionId = _nextTransaction++;
            connector.TransactionStart = _now;
            var session = new SessionRecord(
                ev, SiteObservations.ConnectorId(charger.Id, connector.Number), connector.TransactionId.Value, _now, charger.Behaviour == ChargerBehaviour.Compliant);
            if (connector.DefaultProfile is { } armed && ProfileLimits.CurrentAt(armed, _now, _state.Settings.Voltage) > 0)
            {
                // Plugged in on a pre-armed connector: it charges at its launch TxDefault from the start.
                session.FirstLimitAt = _now;
                _metrics.ArmedStarts++;
            }
            _metrics.Started(session);
            if (SiteObservations.ApplyCharger(_state, charger.Observation(), _now))
            {
                _scheduler.Trigger(_now);
            }
        }
    }

    private void Answers()
    {
        foreach (var charger in _chargers)
        {
            foreach (var (command, outcome) in charger.Answer(_now))
            {
                Complete(command, outcome);
            }
        }
        foreach (var (command, _) in _outstanding.Values.Where(x => x.Deadline <= _now).ToList())
        {
            Complete(command, ProfileOutcome.Failed);
        }
    }

    private void Complete(ProfileCommand command, ProfileOutcome outcome)
    {
        if (!_outstanding.Remove(command.Sequence))
        {
            return;
        }
        _ledger.Answered(command.Sequence, outcome);
        _metrics.Answered(command, outcome, _now);
        if (SiteLoop.Complete(_state, command.ConnectorId, command.Sequence, outcome, _now, _options))
        {
            _scheduler.Trigger(_now);
        }
    }

    private void Meters(int second)
    {
        var interval = (int)_scenario.MeterInterval.TotalSeconds;
        foreach (var charger in _chargers)
        {
            foreach (var connector in charger.Connectors.Where(k => k.Ev is not null))
            {
                var id = SiteObservations.ConnectorId(charger.Id, connector.Number);
                if ((second + _meterOffsets[id]) % interval != 0)
                {
                    continue;
                }
                var draw = Math.Round(connector.Draw, 2);
                double?[] phases = connector.Ev!.Phases == 3 ? [draw, draw, draw] : [draw, 0, 0];
                if (SiteObservations.ApplyMeter(_state, new MeterObservation(charger.Id, connector.Number, _now, phases, null), _now, _options))
                {
                    _scheduler.Trigger(_now);
                }
            }
        }
    }

    private void RunLoop()
    {
        var triggerAt = _scheduler.TriggeredAt ?? _now;
        var run = SiteLoop.Run(_state, _now, _options);
        _scheduler.Ran(_now);
        _metrics.Ran(run, _now, triggerAt);
        foreach (var command in run.Commands)
        {
            _ledger.Sent(command);
            _byId[command.ChargerId].Receive(command, _now.AddSeconds(_random.Next(1, _scenario.MaxAnswerDelaySeconds + 1)));
            _outstanding[command.Sequence] = (command, _now + _scenario.AnswerTimeout);
        }
    }

    private IEnumerable<DateTimeOffset> ArrivalTimes()
    {
        var times = Enumerable.Range(0, _scenario.InitialEvs).Select(_ => Epoch.AddSeconds(_random.Next(60))).ToList();
        var hours = 0.0;
        while (true)
        {
            hours += -Math.Log(1 - _random.NextDouble()) / _scenario.ArrivalsPerHour;
            if (hours >= _scenario.Duration.TotalHours)
            {
                break;
            }
            times.Add(Epoch.AddHours(hours));
        }
        return times.Order();
    }
}
