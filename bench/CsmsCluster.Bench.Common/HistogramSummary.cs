namespace CsmsCluster.Bench.Common;

/// <summary>
/// Delta histogram points of one metric merged into one distribution: the count, the exact share at or below each
/// bucket boundary, the exact maximum (when every point carries one), and quantiles interpolated within a bucket.
/// </summary>
public sealed class HistogramSummary
{
    private readonly ulong[] _buckets;

    private HistogramSummary(ulong count, double sum, double? max, IReadOnlyList<double> bounds, ulong[] buckets)
    {
        Count = count;
        Sum = sum;
        Max = max;
        Bounds = bounds;
        _buckets = buckets;
    }

    /// <summary>Values recorded.</summary>
    public ulong Count { get; }

    /// <summary>Their sum.</summary>
    public double Sum { get; }

    /// <summary>The largest value, if every point reported its maximum.</summary>
    public double? Max { get; }

    /// <summary>The explicit bucket boundaries (upper bounds, inclusive).</summary>
    public IReadOnlyList<double> Bounds { get; }

    /// <summary>The non-empty buckets as (upper bound, count); the last bucket's bound is positive infinity.</summary>
    public IReadOnlyList<(double Upper, ulong Count)> NonEmptyBuckets =>
        [.. _buckets.Select((count, i) => (i < Bounds.Count ? Bounds[i] : double.PositiveInfinity, count)).Where(b => b.count > 0)];

    /// <summary>The mean value.</summary>
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Merges the points (those with other boundaries than the first are left out); null when nothing was recorded.</summary>
    public static HistogramSummary? Merge(IEnumerable<HistogramPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var used = points.Where(p => p.Count > 0).ToList();
        if (used.Count == 0)
        {
            return null;
        }
        var bounds = used[0].Bounds;
        var same = used.Where(p => p.Bounds.SequenceEqual(bounds) && p.Buckets.Count == bounds.Count + 1).ToList();
        var buckets = new ulong[bounds.Count + 1];
        foreach (var p in same)
        {
            for (var i = 0; i < buckets.Length; i++)
            {
                buckets[i] += p.Buckets[i];
            }
        }
        var max = same.All(p => p.Max is not null) ? same.Max(p => p.Max) : null;
        return new HistogramSummary((ulong)same.Sum(p => (decimal)p.Count), same.Sum(p => p.Sum), max, bounds, buckets);
    }

    /// <summary>The share of values at or below <paramref name="bound"/>, which must be one of the boundaries (exact).</summary>
    public double ShareAtOrBelow(double bound)
    {
        var index = Bounds.ToList().FindIndex(b => Math.Abs(b - bound) <= bound * 1e-9);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "Not a bucket boundary of this histogram.");
        }
        ulong below = 0;
        for (var i = 0; i <= index; i++)
        {
            below += _buckets[i];
        }
        return (double)below / Count;
    }

    /// <summary>
    /// The <paramref name="quantile"/> (0-1), interpolated linearly inside the bucket it falls in (from 0 for the first
    /// bucket, to the maximum for the last): an estimate, exact only at the boundaries.
    /// </summary>
    public double Quantile(double quantile)
    {
        var rank = quantile * Count;
        double cumulative = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (_buckets[i] == 0 || cumulative + _buckets[i] < rank)
            {
                cumulative += _buckets[i];
                continue;
            }
            var lower = i == 0 ? 0 : Bounds[i - 1];
            var upper = i < Bounds.Count ? Bounds[i] : Max ?? lower;
            if (Max is { } max)
            {
                upper = Math.Min(upper, max);
            }
            return lower + ((upper - lower) * (rank - cumulative) / _buckets[i]);
        }
        return Max ?? Bounds[^1];
    }
}
