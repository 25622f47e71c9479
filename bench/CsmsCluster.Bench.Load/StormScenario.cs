using System.Diagnostics;
using CsmsCluster.Simulator;

namespace CsmsCluster.Bench.Load;

/// <summary>
/// S3 against a CSMS with its default admission settings: the fleet connects, then every socket is cut at once and
/// the chargers come back (first attempt spread uniformly over a window, later ones with jittered back-off that
/// honours Retry-After), then the same with everything arriving within 1 s.
/// </summary>
public static class StormScenario
{
    public static async Task<List<StormResult>> RunAsync(TargetProcess target, BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<StormResult>();
        var (fleet, connectSeconds) = await Fleets.ConnectAsync(target, options, "S3");
        Console.WriteLine($"S3 initial connect of {options.Chargers}: {connectSeconds:0.0} s");
        await using (fleet)
        {
            foreach (var (phase, spread) in new[] { ("drop, first retry within 10 s", 10.0), ("herd within 1 s", 1.0) })
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                results.Add(await PhaseAsync(fleet, target, phase, TimeSpan.FromSeconds(spread)));
                var r = results[^1];
                Console.WriteLine($"S3 {phase}: {r.PercentWithin30:0.00} % in 30 s, {r.PercentWithin60:0.00} % in 60 s, 503 {r.Refused503}, pending {r.BootsPending}");
                await Fleets.WaitAsync(() => fleet.AcceptedNow() >= options.Chargers, TimeSpan.FromSeconds(120));
            }

            await fleet.StopAsync(TimeSpan.FromSeconds(30));
        }

        return results;
    }

    private static async Task<StormResult> PhaseAsync(Fleet fleet, TargetProcess target, string phase, TimeSpan spread)
    {
        var stats = fleet.Stats;
        var (refused, pending, failures) = (stats.Refused503, stats.BootsPending, stats.ConnectFailures);
        var mark = Stopwatch.GetTimestamp();
        fleet.DropAll(spread);
        // Both ports, probed alike: the main port (where charger upgrades queue too) and the probe port.
        using var mainProbe = new HealthProber(target.Port);
        using var probePort = new HealthProber(target.HealthPort ?? throw new InvalidOperationException("S3 runs against the CSMS, which has a probe port."));
        long peakRss = 0;
        double allAccepted = double.NaN;
        while (Stopwatch.GetElapsedTime(mark) < TimeSpan.FromSeconds(60))
        {
            peakRss = Math.Max(peakRss, target.IsAlive ? target.RssKib() : 0);
            if (double.IsNaN(allAccepted) && fleet.AcceptedSince(mark) >= fleet.Chargers.Count)
            {
                allAccepted = Stopwatch.GetElapsedTime(mark).TotalSeconds;
                break;
            }

            await Task.Delay(500);
        }

        var at30 = mark + (30 * Stopwatch.Frequency);
        var at60 = mark + (60 * Stopwatch.Frequency);
        return new StormResult(
            phase, fleet.Chargers.Count, spread.TotalSeconds, fleet.AcceptedSince(mark, at30), fleet.AcceptedSince(mark, at60), allAccepted,
            stats.Refused503 - refused, stats.BootsPending - pending, stats.ConnectFailures - failures - (stats.Refused503 - refused),
            mainProbe.MaxMilliseconds, mainProbe.Failures, probePort.MaxMilliseconds, probePort.Failures, probePort.Probes, peakRss, target.IsAlive);
    }
}
