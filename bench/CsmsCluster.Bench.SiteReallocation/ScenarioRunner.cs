using System.Diagnostics;
using System.Globalization;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// Sets up a scenario's sites on a running server, then runs its rounds: wait until every site is converged and its
/// loop quiet for longer than the debounce, start one session on each site's free connector at the same moment, wait
/// for the decrease at every other connector, stop the session and take the decreased share as the new steady state.
/// </summary>
public sealed class ScenarioRunner(CsmsApi api, Uri ocpp, Scenario scenario)
{
    private const double LaunchCurrent = 6;
    private const double MinShare = 10;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(1250);
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(150);
    private static readonly TimeSpan Settled = TimeSpan.FromMilliseconds(1500);
    private readonly List<SiteRig> _sites = [];
    private DateTimeOffset _lastDecrease = DateTimeOffset.MinValue;

    public async Task<TimeSpan> SetupAsync()
    {
        var watch = Stopwatch.StartNew();
        for (var s = 0; s < scenario.Sites; s++)
        {
            _sites.Add(await SiteRig.CreateAsync(api, ocpp, string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}{s:00}"), scenario.Connectors));
        }
        await ConvergeAsync(drive: true);
        return watch.Elapsed;
    }

    public async Task<List<RoundResult>> RunAsync(Action<int, RoundResult> progress)
    {
        var results = new List<RoundResult>();
        for (var round = 0; round < scenario.WarmUp + scenario.Rounds; round++)
        {
            if (_sites.Any(s => s.Share < MinShare))
            {
                await ResetAsync();
            }
            await QuietAsync();
            var result = await RoundAsync();
            progress(round, result);
            if (round >= scenario.WarmUp)
            {
                results.Add(result);
            }
        }
        return results;
    }

    public async ValueTask DisposeSitesAsync()
    {
        foreach (var charger in _sites.SelectMany(s => s.Sessions.Append(s.Free)))
        {
            await charger.DisposeAsync();
        }
    }

    private async Task<RoundResult> RoundAsync()
    {
        var expected = _sites.Select(s => s.DecreasedShare(LaunchCurrent)).ToList();
        var starts = _sites.Select(s => s.Free.StartAsync("BENCH")).ToList();
        var t0 = await Task.WhenAll(starts);
        var tracker = new RoundTracker(_sites, t0, expected);
        var complete = await tracker.WaitAsync(TimeSpan.FromSeconds(10));
        // Anything more the run sent arrives right behind the expected CALLs: look for it before the stop.
        await Task.Delay(200);
        var result = tracker.Result(!complete);
        _lastDecrease = DateTimeOffset.UtcNow;
        for (var i = 0; i < _sites.Count; i++)
        {
            await _sites[i].Free.StopAsync();
            _sites[i].Share = tracker.NewShare(i) ?? _sites[i].Share;
            await api.PutSiteAsync(_sites[i].SiteId, _sites[i].Limit);
        }
        return result;
    }

    private async Task ResetAsync()
    {
        foreach (var site in _sites)
        {
            site.Share = SiteRig.MaxShare;
            await api.PutSiteAsync(site.SiteId, site.Limit);
        }
        await ConvergeAsync(drive: false);
    }

    /// <summary>
    /// Every site converged, no allocation run for longer than the debounce (so the next event runs at once), and the
    /// last decreases older than the settle time (else the new session's launch limit, an increase, waits for the settle
    /// and the loop sends nothing at once).
    /// </summary>
    private async Task QuietAsync()
    {
        var deadline = DateTimeOffset.UtcNow + Converge;
        while (true)
        {
            var snapshots = await Task.WhenAll(_sites.Select(s => api.GetSiteAsync(s.SiteId)));
            var now = DateTimeOffset.UtcNow;
            if (now - _lastDecrease >= Settled
                && _sites.Zip(snapshots).All(p => p.First.Converged(p.Second) && p.Second.LastRunAt is { } last && now - last >= Quiet))
            {
                return;
            }
            if (now > deadline)
            {
                throw new TimeoutException($"{scenario.Name}: sites did not converge and go quiet within {Converge}: {Describe(snapshots)}");
            }
            await Task.Delay(100);
        }
    }

    private async Task ConvergeAsync(bool drive)
    {
        var deadline = DateTimeOffset.UtcNow + Converge;
        while (true)
        {
            var snapshots = await Task.WhenAll(_sites.Select(s => api.GetSiteAsync(s.SiteId)));
            if (_sites.Zip(snapshots).All(p => p.First.Converged(p.Second)))
            {
                return;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{scenario.Name}: sites did not converge at {SiteRig.MaxShare} A within {Converge}: {Describe(snapshots)}");
            }
            foreach (var (site, _) in _sites.Zip(snapshots).Where(p => !p.First.Converged(p.Second)))
            {
                if (drive)
                {
                    await site.DriveMetersAsync();
                }
                // With the periodic run lengthened, increases held back by the settle time or the minimum interval go
                // out in the next run an event causes: re-putting the same settings is such an event.
                await api.PutSiteAsync(site.SiteId, site.Limit);
            }
            await Task.Delay(1000);
        }
    }

    private string Describe(SiteSnapshot[] snapshots)
    {
        var (site, snapshot) = _sites.Zip(snapshots).First(p => !p.First.Converged(p.Second));
        var off = snapshot.Connectors.Values.FirstOrDefault(c => c.ChargePointId != site.Free.Id
            && (c.State != "admitted" || c.Pending || Math.Abs(c.Installed - site.Share) > 1e-6 || Math.Abs(c.Allocation - site.Share) > 1e-6));
        return $"site {site.SiteId} share {site.Share} A, last run {snapshot.LastRunAt:O}, e.g. {off}";
    }
}
