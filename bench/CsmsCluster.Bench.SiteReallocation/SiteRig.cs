using System.Globalization;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// One saturated site: <c>n - 1</c> sessions at an equal share and one free connector. The site limit is
/// <c>(n - 1) * share + 0.05 A</c>, so the installed limits leave 0.05 A of room: a new session's launch limit (6 A)
/// does not fit beside them and the loop must decrease every other connector in the same run.
/// </summary>
public sealed class SiteRig(string siteId, IReadOnlyList<SimCharger> sessions, SimCharger free)
{
    public const double Slack = 0.05;
    public const double MaxShare = 32;

    public string SiteId { get; } = siteId;

    public IReadOnlyList<SimCharger> Sessions { get; } = sessions;

    public SimCharger Free { get; } = free;

    /// <summary>The limit every session has installed now, A per phase.</summary>
    public double Share { get; set; } = MaxShare;

    public double Limit => Math.Round((Sessions.Count * Share) + Slack, 3);

    public IEnumerable<string> SessionIds => Sessions.Select(s => s.Id);

    /// <summary>Registers the site and its chargers, connects them and starts every session but the free connector's.</summary>
    public static async Task<SiteRig> CreateAsync(CsmsApi api, Uri ocpp, string siteId, int connectors)
    {
        var ids = Enumerable.Range(1, connectors).Select(i => string.Create(CultureInfo.InvariantCulture, $"{siteId}-{i:000}")).ToList();
        await api.PutSiteAsync(siteId, Math.Round(((connectors - 1) * MaxShare) + Slack, 3));
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await api.PutChargePointAsync(id, siteId));
        var chargers = new SimCharger[connectors];
        await Parallel.ForEachAsync(Enumerable.Range(0, connectors), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => chargers[i] = await SimCharger.ConnectAsync(ocpp, ids[i]));
        var rig = new SiteRig(siteId, chargers[..^1], chargers[^1]);
        await Parallel.ForEachAsync(rig.Sessions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, _) =>
        {
            await c.CallAsync("StatusNotification", OcppFrames.Status("Preparing"));
            await c.StartAsync("BENCH");
            await c.CallAsync("StatusNotification", OcppFrames.Status("Charging"));
        });
        return rig;
    }

    /// <summary>The decreased share the loop must give the sessions when the free connector starts at <paramref name="launch"/> A.</summary>
    public double DecreasedShare(double launch) => Math.Round(Math.Floor((((Limit - launch) / Sessions.Count) / 0.1) + 1e-9) * 0.1, 9);

    /// <summary>Each session's EV draws what its limit allows (this ends the launch phase of a new session).</summary>
    public Task DriveMetersAsync() => Parallel.ForEachAsync(Sessions.Where(s => s.Commanded > 0), new ParallelOptions { MaxDegreeOfParallelism = 16 },
        async (c, _) => await c.SendMeterAsync());

    /// <summary>Every session admitted at installed == allocation == share, the free connector idle.</summary>
    public bool Converged(SiteSnapshot snapshot) =>
        snapshot.Converged(SessionIds, Share) && snapshot.Connectors.TryGetValue(Free.Id, out var f) && !f.HasTransaction;
}
