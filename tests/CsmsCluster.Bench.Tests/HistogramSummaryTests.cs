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

    [Theory]
    [InlineData(0.5, 1.75)] // rank 5 of the 10: 1 + 1.5 * 5 / 10
    [InlineData(0.1, 1.15)] // 1 + 1.5 * 1 / 10
    [InlineData(0.9, 2.35)] // 1 + 1.5 * 9 / 10
    [InlineData(1, 2.5)] // the top of the bucket
    public void Quantile_TenValuesInOneBucket_InterpolatesInsideIt(double quantile, double expected)
    {
        var merged = HistogramSummary.Merge([Point([0, 10, 0, 0], sum: 17.5)])!;

        Assert.Equal(expected, merged.Quantile(quantile), Precision);
    }

    [Fact]
    public void Quantile_AfterAFullerBucket_CountsOnlyTheRankLeftInsideTheBucket()
    {
        // 2 values in [0, 1], 10 in (1, 2.5]: rank 6 is the 4th of the second bucket, 1 + 1.5 * 4 / 10.
        var merged = HistogramSummary.Merge([Point([2, 10, 0, 0], sum: 20)])!;

        Assert.Equal(1.6, merged.Quantile(0.5), Precision);
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

    [Theory]
    [InlineData(0.25, 0.25)] // rank 1 of 4 in [0, 1]: 0 + 1 * 1 / 4
    [InlineData(0.5, 0.5)]
    [InlineData(0, 0)]
    public void Quantile_FirstBucket_InterpolatesFromZero(double quantile, double expected)
    {
        var merged = HistogramSummary.Merge([Point([4, 0, 0, 0], sum: 2)])!;

        Assert.Equal(expected, merged.Quantile(quantile), Precision);
    }

    [Theory]
    [InlineData(0.5, 9)] // 5 + (13 - 5) * 2 / 4
    [InlineData(0.25, 7)] // 5 + 8 * 1 / 4
    [InlineData(1, 13)]
    public void Quantile_LastBucket_RunsUpToTheMax(double quantile, double expected)
    {
        var merged = HistogramSummary.Merge([Point([0, 0, 0, 4], sum: 40, max: 13)])!;

        Assert.Equal(expected, merged.Quantile(quantile), Precision);
    }

    [Fact]
    public void Quantile_LastBucketWithoutMax_IsItsLowerBound()
    {
        // Without a maximum nothing is known above the highest boundary, so the estimate stays there.
        var merged = HistogramSummary.Merge([Point([0, 0, 0, 4], sum: 40)])!;

        Assert.Equal(5, merged.Quantile(0.5), Precision);
    }

    [Theory]
    [InlineData(0.5, 1.5)] // 1 + (2 - 1) * 5 / 10
    [InlineData(1, 2)] // never above the max
    public void Quantile_MaxBelowTheBucketTop_CapsTheBucket(double quantile, double expected)
    {
        var merged = HistogramSummary.Merge([Point([0, 10, 0, 0], sum: 15, max: 2)])!;

        Assert.Equal(expected, merged.Quantile(quantile), Precision);
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
