namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// The server's allocation-run durations during a scenario's rounds, from delta-temporality histogram points: how many
/// runs, their mean, the largest, and the explicit-bucket counts (the SDK's default millisecond boundaries).
/// </summary>
public sealed record AllocationFigures(ulong Runs, double MeanMilliseconds, double? MaxMilliseconds, IReadOnlyList<(double Upper, ulong Count)> Buckets)
{
    public static AllocationFigures? From(IReadOnlyList<HistogramPoint> points)
    {
        var used = points.Where(p => p.Count > 0).ToList();
        if (used.Count == 0)
        {
            return null;
        }
        var runs = (ulong)used.Sum(p => (decimal)p.Count);
        var bounds = used[0].Bounds;
        var buckets = new ulong[used[0].Buckets.Count];
        foreach (var p in used.Where(p => p.Buckets.Count == buckets.Length))
        {
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += p.Buckets[i];
            }
        }
        var max = used.All(p => p.Max is not null) ? used.Max(p => p.Max) : null;
        var rows = buckets.Select((count, i) => (i < bounds.Count ? bounds[i] : double.PositiveInfinity, count)).Where(b => b.count > 0).ToList();
        return new AllocationFigures(runs, used.Sum(p => p.Sum) / runs, max, rows);
    }
}
