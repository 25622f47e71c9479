namespace CsmsCluster.Bench.Load;

/// <summary>
/// Memory and latency against fleet size: for each size a fresh CSMS (as in S2) gets the fleet connected idle, its
/// RSS is read, then the S2 load runs at the same fixed rate (so only the number of connections changes).
/// </summary>
public static class SweepScenario
{
    public static async Task<List<SweepPoint>> RunAsync(BenchOptions options, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        var points = new List<SweepPoint>();
        foreach (var chargers in options.SweepChargers)
        {
            var sized = options with { Chargers = chargers };
            using var csms = await TargetProcess.StartAsync(TargetKind.Csms, sized, sized.ServerCpu, settings);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = csms.RssKib();
            var (fleet, _) = await Fleets.ConnectAsync(csms, sized, "SW");
            await using (fleet)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                var connected = csms.RssKib();
                await OpenLoopDriver.RunAsync(fleet, csms, 0, sized.Rate, sized.Warmup);
                var load = await OpenLoopDriver.RunAsync(fleet, csms, 0, sized.Rate, sized.RoundWindow);
                await Task.Delay(TimeSpan.FromSeconds(2.5));
                load = load with { Server = ServerFigures.Read(csms.Metrics!, "MeterValues", load.Window.From, load.Window.To) };
                var point = new SweepPoint(chargers, before, connected, csms.RssKib(), load);
                points.Add(point);
                Console.WriteLine($"sweep {chargers}: {point.KibPerCharger:0.0} KiB/charger, server p99 {point.ServerMs(0.99):0.0} ms, client p99 {load.Percentile(0.99):0.0} ms");
                await fleet.StopAsync(TimeSpan.FromSeconds(30));
            }
        }

        return points;
    }
}
