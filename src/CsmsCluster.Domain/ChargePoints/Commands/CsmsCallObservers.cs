using System.Collections.Frozen;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>The observers of CSMS-initiated calls, by OCPP version and action.</summary>
public sealed class CsmsCallObservers(IEnumerable<ICsmsCallObserver> observers)
{
    private readonly FrozenDictionary<(OcppVersion, string), ICsmsCallObserver> _observers =
        observers.ToFrozenDictionary(o => (o.Version, o.Action));

    /// <summary>The observer of <paramref name="action"/>, if its answer changes state.</summary>
    public bool TryGet(OcppVersion version, string action, out ICsmsCallObserver observer) =>
        _observers.TryGetValue((version, action), out observer!);
}
