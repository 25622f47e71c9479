using CsmsCluster.SmartCharging;
using CsmsCluster.SmartCharging.Loop;

namespace CsmsCluster.Bench.SmartCharging;

/// <summary>
/// The CSMS side of invariant I1: every TxProfile and launch TxDefaultProfile a connector may be running. A sent profile
/// counts from its send until it is Rejected or replaced by a later Accepted one of the same purpose; an unanswered or
/// undelivered one stays counted (the charger may have applied it). A connector runs its TxDefault until a TxProfile of
/// its transaction is Accepted (TxProfile overrides TxDefault), so an idle connector counts its TxDefault: what a
/// plug-in would start at. Limits are evaluated per instant, so future periods of installed profiles are included.
/// </summary>
public sealed class CommandLedger
{
    private readonly Dictionary<string, List<ProfileCommand>> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ProfileCommand>> _defaults = new(StringComparer.Ordinal);
    private readonly HashSet<string> _overridden = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ProfileCommand> _sent = [];

    /// <summary>Records a send.</summary>
    public void Sent(ProfileCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Purpose is not ("TxProfile" or PreArming.Purpose))
        {
            return;
        }
        _sent[command.Sequence] = command;
        Live(command.Purpose == "TxProfile" ? _live : _defaults, command.ConnectorId).Add(command);
    }

    /// <summary>Records an answer (or the lack of one).</summary>
    public void Answered(long sequence, ProfileOutcome outcome)
    {
        if (!_sent.Remove(sequence, out var command)
            || !(command.Purpose == "TxProfile" ? _live : _defaults).TryGetValue(command.ConnectorId, out var live))
        {
            return;
        }
        if (outcome == ProfileOutcome.Accepted)
        {
            if (command.Purpose == "TxProfile")
            {
                _overridden.Add(command.ConnectorId);
            }
            // Same profile id: an Accepted profile replaces every older one on the connector.
            live.RemoveAll(c => c.Sequence < sequence && !_sent.ContainsKey(c.Sequence));
        }
        else if (outcome == ProfileOutcome.Rejected)
        {
            live.Remove(command);
        }
    }

    /// <summary>Forgets a connector's TxProfiles: its transaction ended and the charger deleted them (its TxDefault stays).</summary>
    public void TransactionEnded(string connectorId)
    {
        _live.Remove(connectorId);
        _overridden.Remove(connectorId);
    }

    /// <summary>
    /// max over every profile the connector may be running of its limit at <paramref name="at"/>, A per phase: its
    /// TxProfiles, and its TxDefault until a TxProfile is Accepted.
    /// </summary>
    public double EffectiveAt(string connectorId, DateTimeOffset at, double voltage)
    {
        var limit = MaxAt(_live, connectorId, at, voltage);
        return _overridden.Contains(connectorId) ? limit : Math.Max(limit, MaxAt(_defaults, connectorId, at, voltage));
    }

    /// <summary>Invariant I1 at <paramref name="at"/>: the constraints the counted limits exceed (none when it holds).</summary>
    public LimitCheckResult Check(SiteLoopState state, DateTimeOffset at, LoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        // The launch reserve is counted from the ledger's TxDefaults (idle connectors' currents), not the loop's view.
        var built = SiteInputsBuilder.Build(state, at, options);
        var inputs = built with { Connectors = [.. built.Connectors.Select(c => c with { PreArmed = false })] };
        var currents = inputs.Connectors.ToDictionary(c => c.Id, c => EffectiveAt(c.Id, at, state.Settings.Voltage), StringComparer.Ordinal);
        return LimitCheck.Check(at, inputs, currents);
    }

    private static double MaxAt(Dictionary<string, List<ProfileCommand>> profiles, string connectorId, DateTimeOffset at, double voltage) =>
        profiles.TryGetValue(connectorId, out var live) && live.Count > 0 ? live.Max(c => ProfileLimits.CurrentAt(c, at, voltage)) : 0;

    private static List<ProfileCommand> Live(Dictionary<string, List<ProfileCommand>> profiles, string connectorId)
    {
        if (!profiles.TryGetValue(connectorId, out var live))
        {
            live = [];
            profiles.Add(connectorId, live);
        }
        return live;
    }
}
