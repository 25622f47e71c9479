namespace CsmsCluster.Bench.Load;

/// <summary>S1 on one target: memory per connection, idle CPU, drops.</summary>
public sealed record IdleResult(TargetKind Target, int Chargers, double ConnectSeconds, long RssBeforeKib, long RssConnectedKib, long RssAfterKib, double IdleCpuSeconds, double WindowSeconds, long Drops)
{
    public double KibPerChargerConnected => (RssConnectedKib - RssBeforeKib) / (double)Chargers;

    public double KibPerChargerAfterWindow => (RssAfterKib - RssBeforeKib) / (double)Chargers;

    public double IdleCpuPercent => WindowSeconds <= 0 ? double.NaN : IdleCpuSeconds / WindowSeconds * 100;
}
