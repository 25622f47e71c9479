namespace CsmsCluster.Bench.Load;

/// <summary>One fleet size of the sweep: memory with the fleet connected and MeterValues latency at the S2 rate.</summary>
public sealed record SweepPoint(int Chargers, long RssBeforeKib, long RssConnectedKib, long RssAfterLoadKib, LoadResult Load)
{
    public double KibPerCharger => (RssConnectedKib - RssBeforeKib) / (double)Chargers;

    /// <summary>Server-side quantile in ms (the CSMS's own histogram), NaN when nothing was exported.</summary>
    public double ServerMs(double quantile) => Load.Server?.Calls is { } calls ? calls.Quantile(quantile) * 1000 : double.NaN;
}
