using System.Text.Json;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>What GET /api/v1/sites/{siteId} says: when the loop last ran and every connector's limits.</summary>
/// <param name="LastRunAt">The last allocation run (server clock, UTC).</param>
/// <param name="Connectors">Connectors by charge point id.</param>
public sealed record SiteSnapshot(DateTimeOffset? LastRunAt, IReadOnlyDictionary<string, SnapshotConnector> Connectors)
{
    public static SiteSnapshot Parse(JsonElement site)
    {
        var last = site.GetProperty("lastRunAt") is { ValueKind: JsonValueKind.String } at ? at.GetDateTimeOffset() : (DateTimeOffset?)null;
        var connectors = site.GetProperty("connectors").EnumerateArray().Select(c => new SnapshotConnector(
            c.GetProperty("chargePointId").GetString()!,
            c.GetProperty("transactionId").ValueKind == JsonValueKind.Number,
            c.GetProperty("allocation").GetDouble(),
            c.GetProperty("installedLimit").GetDouble(),
            c.GetProperty("pendingLimit").ValueKind == JsonValueKind.Number,
            c.GetProperty("state").GetString()!)).ToDictionary(c => c.ChargePointId, StringComparer.Ordinal);
        return new SiteSnapshot(last, connectors);
    }

    /// <summary>True when every named connector is admitted with installed == allocation == <paramref name="limit"/>, none pending.</summary>
    public bool Converged(IEnumerable<string> chargers, double limit) => chargers.All(id =>
        Connectors.TryGetValue(id, out var c) && c.State == "admitted" && !c.Pending
        && Math.Abs(c.Allocation - limit) < 1e-6 && Math.Abs(c.Installed - limit) < 1e-6);
}
