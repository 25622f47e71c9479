using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// The CSMS side of invariant I1: every TxProfile a connector may be running. A sent profile counts from its send until
/// it is Rejected or replaced by a later Accepted one; an unanswered or undelivered one stays counted (the charger may
/// have applied it). Limits are evaluated per instant, so future periods of installed profiles are included.
/// </summary>
public sealed class CommandLedger
{
    private readonly Dictionary<string, List<ProfileCommand>> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ProfileCommand> _sent = [];

    /// <summary>Records a send.</summary>
    public void Sent(ProfileCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Purpose != "TxProfile")
        {
            return;
        }
        _sent[command.Sequence] = command;
        Live(command.ConnectorId).Add(command);
    }

    /// <summary>Records an answer (or the lack of one).</summary>
    public void Answered(long sequence, ProfileOutcome outcome)
    {
        if (!_sent.Remove(sequence, out var command) || !_live.TryGetValue(command.ConnectorId, out var live))
        {
            return;
        }
        if (outcome == ProfileOutcome.Accepted)
        {
            // Same profile id: an Accepted profile replaces every older one on the connector.
            live.RemoveAll(c => c.Sequence < sequence && !_sent.ContainsKey(c.Sequence));
        }
        else if (outcome == ProfileOutcome.Rejected)
        {
            live.Remove(command);
        }
    }

    /// <summary>Forgets a connector's profiles: its transaction ended and the charger deleted them.</summary>
    public void TransactionEnded(string connectorId) => _live.Remove(connectorId);

    /// <summary>max over every profile the connector may be running of its limit at <paramref name="at"/>, A per phase.</summary>
    public double EffectiveAt(string connectorId, DateTimeOffset at, double voltage) =>
        _live.TryGetValue(connectorId, out var live) && live.Count > 0 ? live.Max(c => ProfileLimits.CurrentAt(c, at, voltage)) : 0;

    /// <summary>Invariant I1 at <paramref name="at"/>: the constraints the counted limits exceed (none when it holds).</summary>
    public LimitCheckResult Check(SiteLoopState state, DateTimeOffset at, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        var inputs = SiteInputsBuilder.Build(state, at, options);
        var currents = inputs.Connectors.ToDictionary(c => c.Id, c => EffectiveAt(c.Id, at, state.Settings.Voltage), StringComparer.Ordinal);
        return LimitCheck.Check(at, inputs, currents);
    }

    private List<ProfileCommand> Live(string connectorId)
    {
        if (!_live.TryGetValue(connectorId, out var live))
        {
            live = [];
            _live.Add(connectorId, live);
        }
        return live;
    }
}
