using CsmsCluster.Bench.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.SmartCharging.Tests.Loop;

/// <summary>
/// Drives <see cref="SiteLoop"/> like the Site grain does, on a manual clock, and checks after every step that the
/// limits the chargers may run (max(installed, pending) of every profile, future periods included) fit every
/// constraint (I1) and that no connector runs between 0 and its minimum (I3).
/// </summary>
internal sealed class LoopHarness
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, SortedDictionary<int, int?>> _transactions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _online = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _status = new(StringComparer.Ordinal);

    public LoopHarness(double limit, LoopOptions? options = null, SiteUnit unit = SiteUnit.AmperesPerPhase)
    {
        Options = options ?? new LoopOptions();
        State.Configured = true;
        State.Settings = new SiteSettings { Unit = unit, Limit = limit, Margin = 0 };
    }

    public SiteLoopState State { get; } = new();

    /// <summary>A site of <paramref name="limit"/> A with one single-connector charger per id, each in a session, run to convergence.</summary>
    public static LoopHarness Converged(double limit, params string[] chargers)
    {
        var harness = new LoopHarness(limit);
        var transaction = 1;
        foreach (var id in chargers)
        {
            harness.AddCharger(id);
            harness.StartSession(id, transaction++);
        }
        harness.Run();
        harness.Drive(120);
        return harness;
    }

    public LoopOptions Options { get; }

    public CommandLedger Ledger { get; } = new();

    public DateTimeOffset Now { get; private set; } = Start;

    /// <summary>Every command sent, oldest first.</summary>
    public List<ProfileCommand> History { get; } = [];

    /// <summary>Sent and not yet answered, oldest first.</summary>
    public List<ProfileCommand> Outstanding { get; } = [];

    /// <summary>False while a test deliberately breaks I1 (an unannounced limit drop before its decreases are Accepted).</summary>
    public bool CheckInvariant { get; set; } = true;

    public LoopConnector this[string id] => State.Connectors[id];

    public bool AddCharger(string id, int connectors = 1)
    {
        _transactions[id] = new SortedDictionary<int, int?>(Enumerable.Range(1, connectors).ToDictionary(n => n, _ => (int?)null));
        _online[id] = true;
        return Observe(id);
    }

    public bool StartSession(string id, int transactionId, int connector = 1)
    {
        _transactions[id][connector] = transactionId;
        return Observe(id);
    }

    public bool StopSession(string id, int connector = 1)
    {
        _transactions[id][connector] = null;
        Ledger.TransactionEnded(SiteObservations.ConnectorId(id, connector));
        return Observe(id);
    }

    /// <summary>Reports an idle connector's status (Preparing, Finishing, ...); null reports it Available again.</summary>
    public bool SetStatus(string id, string? status, int connector = 1)
    {
        var key = SiteObservations.ConnectorId(id, connector);
        if (status is null)
        {
            _status.Remove(key);
        }
        else
        {
            _status[key] = status;
        }
        return Observe(id);
    }

    public bool SetOnline(string id, bool online)
    {
        _online[id] = online;
        return Observe(id);
    }

    public void Configure(Func<SiteSettings, SiteSettings> change)
    {
        State.Settings = change(State.Settings);
        AssertInvariants();
    }

    public IReadOnlyList<ProfileCommand> Run()
    {
        var run = SiteLoop.Run(State, Now, Options);
        foreach (var command in run.Commands)
        {
            Ledger.Sent(command);
            Outstanding.Add(command);
            History.Add(command);
        }
        AssertInvariants();
        return run.Commands;
    }

    /// <summary>The TxProfiles of a run, by connector id.</summary>
    public Dictionary<string, ProfileCommand> RunProfiles() =>
        Run().Where(c => c.Purpose == "TxProfile").ToDictionary(c => c.ConnectorId, StringComparer.Ordinal);

    public bool Answer(ProfileCommand command, ProfileOutcome outcome = ProfileOutcome.Accepted)
    {
        Outstanding.Remove(command);
        Ledger.Answered(command.Sequence, outcome);
        var again = SiteLoop.Complete(State, command.ConnectorId, command.Sequence, outcome, Now, Options);
        AssertInvariants();
        return again;
    }

    public void AnswerAll(ProfileOutcome outcome = ProfileOutcome.Accepted)
    {
        foreach (var command in Outstanding.ToList())
        {
            Answer(command, outcome);
        }
    }

    public bool Meter(string id, double current, int phases = 3, int connector = 1)
    {
        double?[] currents = phases == 3 ? [current, current, current] : [current, 0, 0];
        var trigger = SiteObservations.ApplyMeter(State, new MeterObservation(id, connector, Now, currents, null), Now, Options);
        AssertInvariants();
        return trigger;
    }

    public void Advance(double seconds)
    {
        Now = Now.AddSeconds(seconds);
        AssertInvariants();
    }

    /// <summary>
    /// Runs like the grain for <paramref name="seconds"/>: chargers answer Accepted after 1 s, EVs draw
    /// min(installed, their maximum) and report it every 10 s, and the loop runs every 10 s and after every answer.
    /// </summary>
    public void Drive(int seconds, IReadOnlyDictionary<string, double>? evMax = null)
    {
        for (var i = 0; i < seconds; i++)
        {
            Advance(1);
            var trigger = false;
            foreach (var command in Outstanding.Where(c => Now - c.StartSchedule - ChargingScheduleBuilder.ClockSkew >= TimeSpan.FromSeconds(1)).ToList())
            {
                trigger |= Answer(command);
            }
            if (i % 10 == 9)
            {
                foreach (var c in State.Connectors.Values.Where(c => c.Session is not null))
                {
                    trigger |= Meter(c.ChargerId, Math.Min(c.Installed, evMax?.GetValueOrDefault(c.Id, 32) ?? 32), connector: c.Number);
                }
            }
            if (trigger || i % 10 == 9)
            {
                Run();
            }
        }
    }

    public void AssertInvariants()
    {
        if (CheckInvariant)
        {
            var check = Ledger.Check(State, Now, Options);
            Assert.True(check.WithinLimits, $"I1 broken at {Now:HH:mm:ss}: {string.Join(", ", check.Exceeded.Select(e => $"{e.Id} by {e.Excess:0.###}"))}");
        }
        foreach (var c in State.Connectors.Values.Where(c => c.Session is not null))
        {
            var limit = Ledger.EffectiveAt(c.Id, Now, State.Settings.Voltage);
            Assert.False(limit is > 1e-9 and < 6 - 1e-9, $"I3 broken at {Now:HH:mm:ss}: {c.Id} may run {limit} A");
        }
    }

    private bool Observe(string id)
    {
        var connectors = _transactions[id].Select(x => new ConnectorObservation(
            x.Key,
            x.Value is null ? _status.GetValueOrDefault(SiteObservations.ConnectorId(id, x.Key), "Available") : "Charging",
            x.Value,
            x.Value is null ? null : Now)).ToList();
        var trigger = SiteObservations.ApplyCharger(State, new ChargerObservation(id, _online[id], 32, 3, connectors), Now);
        AssertInvariants();
        return trigger;
    }
}
