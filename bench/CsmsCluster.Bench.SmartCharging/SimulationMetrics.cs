using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>Accumulates the spec's metrics while a <see cref="SiteSimulation"/> runs.</summary>
public sealed class SimulationMetrics
{
    private readonly Dictionary<int, SessionRecord> _byTransaction = [];
    private readonly Dictionary<long, (DecreaseGroup Group, int TransactionId)> _decreases = [];
    private readonly List<double> _decreaseLatencies = [];
    private readonly Dictionary<string, int> _sendsByReason = new(StringComparer.Ordinal);
    private int _txProfiles;
    private int _launchSends;
    private int _backstops;
    private int _txDefaults;
    private int _loopRuns;
    private double? _gridDropLatency;
    private DateTimeOffset? _gridStepAt;

    public int Balked { get; set; }

    /// <summary>Sessions that began on a connector already running a launch TxDefault.</summary>
    public int ArmedStarts { get; set; }

    public int CommandViolationSeconds { get; set; }

    public double MaxCommandExcess { get; set; }

    public int MeasuredViolationSeconds { get; set; }

    public double MaxMeasuredExcess { get; set; }

    public int BelowMinSeconds { get; set; }

    public int LoopBelowMinSeconds { get; set; }

    /// <summary>Integral of the delivered draw, in site units x s.</summary>
    public double Delivered { get; set; }

    /// <summary>Integral of what the reference allocation would deliver, in site units x s.</summary>
    public double ReferenceDelivered { get; set; }

    /// <summary>Integral of min(L_eff, demand), in site units x s.</summary>
    public double Servable { get; set; }

    /// <summary>Integral of min(raw limit, demand), in site units x s.</summary>
    public double ServableRaw { get; set; }

    public IEnumerable<SessionRecord> Sessions => _byTransaction.Values;

    public SessionRecord? Session(int transactionId) => _byTransaction.GetValueOrDefault(transactionId);

    public void Started(SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _byTransaction.Add(session.TransactionId, session);
    }

    /// <summary>A grid step took effect: the next run's decreases are the drop's.</summary>
    public void GridStep(DateTimeOffset at) => _gridStepAt = at;

    public void Ran(LoopRun run, DateTimeOffset now, DateTimeOffset triggerAt)
    {
        ArgumentNullException.ThrowIfNull(run);
        _loopRuns++;
        var reasons = run.Decisions.ToDictionary(d => d.ConnectorId, d => d.Send ? d.Reason.ToString() : "Resend", StringComparer.Ordinal);
        foreach (var command in run.Commands)
        {
            if (command.Purpose == PreArming.Purpose)
            {
                _txDefaults++;
                continue;
            }
            if (command.Purpose != "TxProfile")
            {
                _backstops++;
                continue;
            }
            _txProfiles++;
            var session = command.TransactionId is { } tx ? Session(tx) : null;
            var reason = session is { Sends: 0 } ? "Launch" : reasons.GetValueOrDefault(command.ConnectorId, "Resend");
            _launchSends += reason == "Launch" ? 1 : 0;
            _sendsByReason[reason] = _sendsByReason.GetValueOrDefault(reason) + 1;
            if (session is not null)
            {
                session.Sends++;
            }
        }
        var decreases = run.Commands.Where(c => c.IsDecrease).ToList();
        var grid = _gridStepAt is { } step && step <= now;
        if (grid && decreases.Count == 0)
        {
            _gridDropLatency ??= 0;
        }
        if (decreases.Count > 0)
        {
            var group = new DecreaseGroup(grid ? _gridStepAt!.Value : triggerAt, decreases.Count, grid);
            decreases.ForEach(d => _decreases[d.Sequence] = (group, d.TransactionId ?? 0));
        }
        _gridStepAt = grid ? null : _gridStepAt;
    }

    public void Answered(ProfileCommand command, ProfileOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (outcome == ProfileOutcome.Accepted && command.Current > 0 && command.TransactionId is { } tx
            && Session(tx) is { FirstLimitAt: null } session)
        {
            session.FirstLimitAt = now;
        }
        if (_decreases.Remove(command.Sequence, out var entry) && --entry.Group.Remaining == 0)
        {
            var latency = (now - entry.Group.TriggerAt).TotalSeconds;
            _decreaseLatencies.Add(latency);
            if (entry.Group.GridStep)
            {
                _gridDropLatency = Math.Max(_gridDropLatency ?? 0, latency);
            }
        }
    }

    public SimulationResult Result(SimulationScenario scenario, DateTimeOffset end, SiteLoopState state)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(state);
        var fair = Sessions.Where(s => s.Controlled && s.ReferenceKwh >= 0.1).Select(s => s.DeliveredKwh / s.ReferenceKwh).ToList();
        var sum = fair.Sum();
        var squares = fair.Sum(x => x * x);
        return new SimulationResult
        {
            Scenario = scenario,
            SimulatedHours = scenario.Duration.TotalHours,
            SessionsStarted = _byTransaction.Count,
            SessionsEnded = Sessions.Count(s => s.End is not null),
            Balked = Balked,
            SessionHours = Sessions.Sum(s => s.Hours(end)),
            DeliveredKwh = Sessions.Sum(s => s.DeliveredKwh),
            Utilisation = Servable > 0 ? Delivered / Servable : 0,
            ReferenceUtilisation = Servable > 0 ? ReferenceDelivered / Servable : 0,
            UtilisationRaw = ServableRaw > 0 ? Delivered / ServableRaw : 0,
            Fairness = fair.Count > 0 ? sum * sum / (fair.Count * squares) : 0,
            FairnessSessions = fair.Count,
            MinRatio = fair.Count > 0 ? fair.Min() : 0,
            MaxRatio = fair.Count > 0 ? fair.Max() : 0,
            TxProfiles = _txProfiles,
            LaunchSends = _launchSends,
            Backstops = _backstops,
            TxDefaults = _txDefaults,
            ArmedStarts = ArmedStarts,
            LoopRuns = _loopRuns,
            CommandViolationSeconds = CommandViolationSeconds,
            MaxCommandExcess = MaxCommandExcess,
            MeasuredViolationSeconds = MeasuredViolationSeconds,
            MaxMeasuredExcess = MaxMeasuredExcess,
            BelowMinSeconds = BelowMinSeconds,
            LoopBelowMinSeconds = LoopBelowMinSeconds,
            DecreaseLatencies = _decreaseLatencies,
            GridDropLatency = _gridDropLatency,
            StartLatencies = [.. Sessions.Where(s => s.FirstLimitAt is not null).Select(s => (s.FirstLimitAt!.Value - s.Start).TotalSeconds)],
            Alarms = state.Alarms.Count,
            Uncontrollable = state.Connectors.Values.Count(c => !c.Controllable),
            SendsByReason = new SortedDictionary<string, int>(_sendsByReason, StringComparer.Ordinal),
        };
    }
}
