using CsmsCluster.Bench.Common;

namespace CsmsCluster.Bench.Tests;

/// <summary>
/// Delta histogram points merged into one distribution, and what is read from it: exact shares at the boundaries,
/// the maximum, and quantiles interpolated inside a bucket. Every test uses the boundaries 1, 2.5 and 5, so the
/// buckets are [0, 1], (1, 2.5], (2.5, 5] and (5, +inf).
/// </summary>
public sealed class HistogramSummaryTests
{
    private const double Precision = 1e-12;
    private static readonly double[] Bounds = [1, 2.5, 5];
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Merge_SeveralDeltaPoints_SumsBucketsCountsAndSums()
    {
        var merged = HistogramSummary.Merge(
        [
            Point([1, 2, 0, 1], sum: 10),
            Point([0, 3, 1, 0], sum: 9),
            Point([2, 0, 0, 0], sum: 0.5),
        ]);

        Assert.NotNull(merged);
        Assert.Equal(10UL, merged.Count);
        Assert.Equal(19.5, merged.Sum, Precision);
        Assert.Equal(1.95, merged.Mean, Precision);
        Assert.Equal(Bounds, merged.Bounds);
        Assert.Equal(new (double, ulong)[] { (1, 3), (2.5, 5), (5, 1), (double.PositiveInfinity, 1) }, merged.NonEmptyBuckets);
    }

    [Fact]
    public void NonEmptyBuckets_EmptyBuckets_AreLeftOut()
    {
        var merged = HistogramSummary.Merge([Point([0, 4, 0, 0], sum: 7)])!;

        Assert.Equal(new (double, ulong)[] { (2.5, 4) }, merged.NonEmptyBuckets);
    }

    [Fact]
    public void Merge_PointsWithOtherBounds_AreLeftOut()
    {
        var merged = HistogramSummary.Merge(
        [
            Point([1, 1, 0, 0], sum: 3),
            Point([50, 50, 0, 0], sum: 100, bounds: [1, 2, 5]),
            Point([0, 0, 1], sum: 6, bounds: [1, 2.5]),
            Point([0, 0, 1, 0], sum: 4),
        ]);

        Assert.NotNull(merged);
        Assert.Equal((3UL, 7.0), (merged.Count, merged.Sum));
        Assert.Equal(new (double, ulong)[] { (1, 1), (2.5, 1), (5, 1) }, merged.NonEmptyBuckets);
    }

    [Fact]
    public void Merge_BucketsThatDoNotMatchTheBounds_AreLeftOut()
    {
        var merged = HistogramSummary.Merge([Point([1, 0, 0, 0], sum: 1), Point([1, 1, 1], sum: 5)]);

        Assert.Equal(1UL, merged!.Count);
    }

    [Fact]
    public void Merge_BoundsOfTheFirstPointThatRecordedSomething_AreKept()
    {
        var merged = HistogramSummary.Merge([Point([0, 0], sum: 0, bounds: [10]), Point([0, 2, 0, 0], sum: 3)]);

        Assert.NotNull(merged);
        Assert.Equal(Bounds, merged.Bounds);
        Assert.Equal(2UL, merged.Count);
    }

    [Fact]
    public void Merge_NoPoints_IsNull()
    {
        Assert.Null(HistogramSummary.Merge([]));
    }

    [Fact]
    public void Merge_OnlyZeroCountPoints_IsNull()
    {
        Assert.Null(HistogramSummary.Merge([Point([0, 0, 0, 0], sum: 0), Point([0, 0, 0, 0], sum: 0, max: 3)]));
    }

    [Fact]
    public void Merge_EveryPointHasAMax_MaxIsTheLargest()
    {
        var merged = HistogramSummary.Merge([Point([0, 1, 0, 0], 2, max: 2), Point([0, 0, 0, 1], 9, max: 9), Point([1, 0, 0, 0], 0.5, max: 0.5)]);

        Assert.Equal(9, merged!.Max);
    }

    [Fact]
    public void Merge_APointWithoutMax_MaxIsNull()
    {
        var merged = HistogramSummary.Merge([Point([0, 1, 0, 0], 2, max: 2), Point([0, 0, 0, 1], 9, max: null)]);

        Assert.Null(merged!.Max);
    }

    [Fact]
    public void Merge_MaxOfALeftOutPoint_DoesNotCount()
    {
        var merged = HistogramSummary.Merge([Point([0, 1, 0, 0], 2, max: 2), Point([0, 0, 1], 40, max: 40, bounds: [1, 2])]);

        Assert.Equal(2, merged!.Max);
    }

    [Fact]
    public void Merge_ZeroCountPointWithoutMax_DoesNotClearTheMax()
    {
        var merged = HistogramSummary.Merge([Point([0, 1, 0, 0], 2, max: 2), Point([0, 0, 0, 0], 0, max: null)]);

        Assert.Equal(2, merged!.Max);
    }

    [Theory]
    [InlineData(1, 0.1)] // 1 of 10 values in [0, 1]
    [InlineData(2.5, 0.6)] // 1 + 5
    [InlineData(5, 0.9)] // 1 + 5 + 3; the last value is above 5
    public void ShareAtOrBelow_Boundary_IsTheExactShare(double bound, double share)
    {
        var merged = HistogramSummary.Merge([Point([1, 5, 3, 1], sum: 30)])!;

        Assert.Equal(share, merged.ShareAtOrBelow(bound), Precision);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2)]
    [InlineData(5.1)]
    [InlineData(0)]
    public void ShareAtOrBelow_NotABoundary_Throws(double bound)
    {
        var merged = HistogramSummary.Merge([Point([1, 5, 3, 1], sum: 30)])!;

        Assert.Throws<ArgumentOutOfRangeException>(() => merged.ShareAtOrBelow(bound));
    }

    /// <summary>
    /// Quantiles worked out by hand: the buckets, the maximum if known, the quantile and the value, found as
    /// rank = quantile x count, then lower + (upper - lower) x (rank left in the bucket) / (values in the bucket).
    /// </summary>
    public static TheoryData<ulong[], double?, double, double> WorkedQuantiles => new()
    {
        // Ten values in (1, 2.5]: linear from 1 to 2.5.
        { [0, 10, 0, 0], null, 0.5, 1.75 }, // 1 + 1.5 * 5 / 10
        { [0, 10, 0, 0], null, 0.1, 1.15 }, // 1 + 1.5 * 1 / 10
        { [0, 10, 0, 0], null, 0.9, 2.35 }, // 1 + 1.5 * 9 / 10
        { [0, 10, 0, 0], null, 1, 2.5 },
        // After a fuller bucket only the rank left counts: rank 6 of 12 is the 4th of (1, 2.5], 1 + 1.5 * 4 / 10.
        { [2, 10, 0, 0], null, 0.5, 1.6 },
        // The first bucket starts at 0: 0 + 1 * rank / 4.
        { [4, 0, 0, 0], null, 0, 0 },
        { [4, 0, 0, 0], null, 0.25, 0.25 },
        { [4, 0, 0, 0], null, 0.5, 0.5 },
        // The last bucket runs up to the max: 5 + (13 - 5) * rank / 4.
        { [0, 0, 0, 4], 13, 0.25, 7 },
        { [0, 0, 0, 4], 13, 0.5, 9 },
        { [0, 0, 0, 4], 13, 1, 13 },
        // Without a max nothing is known above the highest boundary, so the estimate stays there.
        { [0, 0, 0, 4], null, 0.5, 5 },
        // A max below a bucket's top caps that bucket: 1 + (2 - 1) * 5 / 10, and never above the max.
        { [0, 10, 0, 0], 2, 0.5, 1.5 },
        { [0, 10, 0, 0], 2, 1, 2 },
    };

    [Theory]
    [MemberData(nameof(WorkedQuantiles))]
    public void Quantile_WorkedExample_InterpolatesInsideTheBucket(ulong[] buckets, double? max, double quantile, double expected)
    {
        var merged = HistogramSummary.Merge([Point(buckets, sum: 0, max)])!;

        Assert.Equal(expected, merged.Quantile(quantile), Precision);
    }

    [Theory]
    [InlineData(0.2, 1)] // rank 2: all of [0, 1]
    [InlineData(0.8, 2.5)] // rank 8: 2 + 6, all of (1, 2.5]
    [InlineData(1, 5)] // rank 10: 2 + 6 + 2
    public void Quantile_AtABoundaryRank_IsTheBoundary(double quantile, double expected)
    {
        var merged = HistogramSummary.Merge([Point([2, 6, 2, 0], sum: 20)])!;

        Assert.Equal(expected, merged.Quantile(quantile), Precision);
        Assert.Equal(quantile, merged.ShareAtOrBelow(expected), Precision);
    }

    [Fact]
    public void Quantile_MergedPoints_UsesTheMergedBuckets()
    {
        // Apart each point has its median in a different bucket; merged, 8 values: 4 in [0, 1], 4 in (1, 2.5].
        var merged = HistogramSummary.Merge([Point([4, 0, 0, 0], sum: 2), Point([0, 4, 0, 0], sum: 7)])!;

        Assert.Equal(1, merged.Quantile(0.5), Precision);
        Assert.Equal(1.75, merged.Quantile(0.75), Precision); // rank 6: 1 + 1.5 * 2 / 4
    }

    private static HistogramPoint Point(ulong[] buckets, double sum, double? max = null, double[]? bounds = null) =>
        new(T0, T0.AddSeconds(1), new Dictionary<string, string>(), buckets.Aggregate(0UL, (a, b) => a + b), sum, null, max, bounds ?? Bounds, buckets);
}
