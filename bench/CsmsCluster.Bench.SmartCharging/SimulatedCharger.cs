using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// A 3-phase charger that answers each SetChargingProfile after a delay. A compliant charger applies the limit when it
/// accepts and runs its connector's TxDefaultProfile (else 0 A, a commissioning TxDefault of 0 A) until its
/// transaction's first TxProfile; it deletes the TxProfile when the transaction ends, keeps the TxDefault, and rejects
/// a TxProfile for a transaction it does not run.
/// </summary>
public sealed class SimulatedCharger
{
    private readonly List<(DateTimeOffset At, ProfileCommand Command)> _inbox = [];
    private ProfileCommand? _maxProfile;

    public SimulatedCharger(string id, double cap, int connectors, SitePhase firstPhase, ChargerBehaviour behaviour)
    {
        Id = id;
        Cap = cap;
        Behaviour = behaviour;
        Connectors = [.. Enumerable.Range(1, connectors).Select(n => new SimulatedConnector(n, (SitePhase)((((int)firstPhase - 1 + n - 1) % 3) + 1)))];
    }

    public string Id { get; }

    /// <summary>Hardware maximum, A per phase, shared by the connectors.</summary>
    public double Cap { get; }

    public ChargerBehaviour Behaviour { get; }

    public IReadOnlyList<SimulatedConnector> Connectors { get; }

    /// <summary>Queues a command; it is answered at <paramref name="answerAt"/> (a silent charger never answers a TxProfile).</summary>
    public void Receive(ProfileCommand command, DateTimeOffset answerAt)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Behaviour == ChargerBehaviour.Silent && command.Purpose != "ChargePointMaxProfile")
        {
            return;
        }
        _inbox.Add((answerAt, command));
    }

    /// <summary>The answers due at <paramref name="now"/>, in the order the commands were received.</summary>
    public IReadOnlyList<(ProfileCommand Command, ProfileOutcome Outcome)> Answer(DateTimeOffset now)
    {
        var due = _inbox.Where(x => x.At <= now).ToList();
        _inbox.RemoveAll(x => x.At <= now);
        return [.. due.Select(x => (x.Command, Apply(x.Command)))];
    }

    /// <summary>The limit connector <paramref name="connector"/> runs at <paramref name="at"/>, A per phase.</summary>
    public double LimitAt(SimulatedConnector connector, DateTimeOffset at, double voltage)
    {
        ArgumentNullException.ThrowIfNull(connector);
        if (connector.TransactionId is null)
        {
            return 0;
        }
        var limit = Behaviour != ChargerBehaviour.Compliant ? Cap
            : (connector.Profile ?? connector.DefaultProfile) is { } profile ? ProfileLimits.CurrentAt(profile, at, voltage) : 0;
        var max = _maxProfile is { } backstop ? ProfileLimits.CurrentAt(backstop, at, voltage) : Cap;
        return Math.Min(limit, Math.Min(max, Cap));
    }

    /// <summary>Sets every connector's draw for the coming second; connectors share the charger's cap in order.</summary>
    public void UpdateDraws(DateTimeOffset at, double voltage)
    {
        var left = Cap;
        foreach (var connector in Connectors)
        {
            connector.Draw = connector.Ev is { } ev ? ev.Draw(Math.Min(LimitAt(connector, at, voltage), left)) : 0;
            left -= connector.Draw;
        }
    }

    /// <summary>The OCPP view of the charger.</summary>
    public ChargerObservation Observation() => new(Id, true, Cap, 3, [.. Connectors.Select(c => c.Observation())]);

    private ProfileOutcome Apply(ProfileCommand command)
    {
        if (command.Purpose == "ChargePointMaxProfile")
        {
            _maxProfile = command;
            return ProfileOutcome.Accepted;
        }
        var connector = Connectors.FirstOrDefault(c => c.Number == command.ConnectorNumber);
        if (command.Purpose == PreArming.Purpose && connector is not null && Behaviour != ChargerBehaviour.Rejecting)
        {
            connector.DefaultProfile = command;
            return ProfileOutcome.Accepted;
        }
        if (Behaviour == ChargerBehaviour.Rejecting || connector?.TransactionId is null || connector.TransactionId != command.TransactionId)
        {
            return ProfileOutcome.Rejected;
        }
        connector.Profile = command;
        return ProfileOutcome.Accepted;
    }
}
