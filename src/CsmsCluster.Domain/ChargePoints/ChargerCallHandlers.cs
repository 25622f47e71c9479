using System.Collections.Frozen;
using CsmsCluster.Ocpp;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>The handlers of charger-initiated actions, by OCPP version and action.</summary>
public sealed class ChargerCallHandlers
{
    private readonly FrozenDictionary<(OcppVersion, string), IChargerCallHandler> _handlers;

    /// <summary>Indexes the registered handlers; two for one action is a configuration error.</summary>
    public ChargerCallHandlers(IEnumerable<IChargerCallHandler> handlers)
    {
        var map = new Dictionary<(OcppVersion, string), IChargerCallHandler>();
        foreach (var handler in handlers)
        {
            if (!map.TryAdd((handler.Version, handler.Action), handler))
            {
                throw new InvalidOperationException($"Two handlers for {handler.Version} {handler.Action}.");
            }
        }

        _handlers = map.ToFrozenDictionary();
    }

    /// <summary>The handler of <paramref name="action"/>, if this CSMS supports it.</summary>
    public bool TryGet(OcppVersion version, string action, out IChargerCallHandler handler) =>
        _handlers.TryGetValue((version, action), out handler!);
}
