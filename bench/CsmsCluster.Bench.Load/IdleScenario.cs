namespace CsmsCluster.Bench.Load;

/// <summary>S1: connect the fleet idle, measure RSS growth per charger, then CPU and drops over the idle window.</summary>
public static class IdleScenario
{
    public static async Task<IdleResult> RunAsync(TargetProcess target, BenchOptions options, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = target.RssKib();
        var (fleet, connectSeconds) = await Fleets.ConnectAsync(target, options, $"S1{target.Kind}");
        await using (fleet)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var connected = target.RssKib();
            var drops = fleet.Stats.UnexpectedDisconnects;
            var cpu = target.CpuSeconds();
            await Task.Delay(window);
            var idleCpu = target.CpuSeconds() - cpu;
            var after = target.RssKib();
            var result = new IdleResult(
                target.Kind, options.Chargers, connectSeconds, before, connected, after, idleCpu, window.TotalSeconds, fleet.Stats.UnexpectedDisconnects - drops);
            Console.WriteLine($"S1 {target.Kind}: {result.KibPerChargerConnected:0.0} KiB/charger, idle CPU {result.IdleCpuPercent:0.00} %, drops {result.Drops}");
            await fleet.StopAsync(TimeSpan.FromSeconds(30));
            return result;
        }
    }
}
