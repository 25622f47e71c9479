namespace CsmsCluster.SmartCharging.Tests.Vectors;

/// <summary>
/// Builds vector sites with the vectors' defaults: AC 3-phase, max 32 A, min 6 A, priority 0, one connector per
/// 32 A charger. The vectors' "site" is the limit to share, so the margin is 0 (with the 2 % default TV1 would give
/// 23.5 A, not 24.0 A).
/// </summary>
internal static class VectorSite
{
    /// <summary>A Wednesday noon, UTC; sessions start just before it in arrival order.</summary>
    public static readonly DateTimeOffset T0 = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static ConnectorInput Connector(string id, int arrival = 0, string? charger = null) =>
        new(id, charger ?? ChargerFor(id)) { Session = new ActiveSession(T0.AddSeconds(arrival - 100)) };

    public static string ChargerFor(string connectorId) => $"C-{connectorId}";

    /// <summary>Sessions in arrival order (a second apart), each on its own 32 A charger.</summary>
    public static List<ConnectorInput> Arrivals(IEnumerable<string> ids) =>
        [.. ids.Select((id, i) => Connector(id, i))];

    public static SiteInputs Site(double limit, IReadOnlyList<ConnectorInput> connectors, params ChargerInput[] sharedChargers)
    {
        var chargers = connectors.Select(c => c.ChargerId).Distinct()
            .Select(id => sharedChargers.FirstOrDefault(s => s.Id == id) ?? new ChargerInput(id, 32))
            .ToList();
        return new SiteInputs(SiteUnit.AmperesPerPhase, limit, chargers, connectors) { Margin = 0 };
    }

    public static string Format(SiteAllocation allocation, IEnumerable<string> ids) =>
        string.Join(' ', ids.Select(id => $"{id}={allocation.For(id).Current:0.0########}"));

    public static ActiveSession AdmittedLongAgo(ConnectorInput connector) =>
        connector.Session! with { AdmittedSince = T0.AddHours(-1) };
}
