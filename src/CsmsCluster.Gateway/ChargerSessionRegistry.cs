using System.Collections.Concurrent;

namespace CsmsCluster.Gateway;

/// <summary>The open charger sockets of this node, one per charge point id (newest wins).</summary>
public sealed class ChargerSessionRegistry
{
    private readonly ConcurrentDictionary<string, ChargerSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Number of open sessions.</summary>
    public int Count => _sessions.Count;

    /// <summary>Makes <paramref name="session"/> the current one for its charge point and returns the one it replaced.</summary>
    public ChargerSession? Register(ChargerSession session)
    {
        ChargerSession? previous = null;
        _sessions.AddOrUpdate(
            session.ChargePointId,
            session,
            (_, existing) =>
            {
                previous = existing;
                return session;
            });
        return previous;
    }

    /// <summary>Removes <paramref name="session"/> unless a newer session already replaced it.</summary>
    public void Unregister(ChargerSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, ChargerSession>(session.ChargePointId, session));

    /// <summary>The current session of a charge point.</summary>
    public bool TryGet(string chargePointId, out ChargerSession session) =>
        _sessions.TryGetValue(chargePointId, out session!);

    /// <summary>A snapshot of all sessions.</summary>
    public IReadOnlyList<ChargerSession> Snapshot() => [.. _sessions.Values];
}
