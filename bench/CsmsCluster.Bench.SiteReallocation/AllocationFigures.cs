using CsmsCluster.Bench.Common;

namespace CsmsCluster.Bench.SiteReallocation;

/// <summary>
/// The server's allocation-run durations during a scenario's rounds, from delta-temporality histogram points: how many
/// runs, their mean, the largest, and the explicit-bucket counts (the SDK's default millisecond boundaries).
/// </summary>
public sealed record AllocationFigures(ulong Runs, double MeanMilliseconds, double? MaxMilliseconds, IReadOnlyList<(double Upper, ulong Count)> Buckets)
{
    /// <summary>The server's histogram of <c>SiteLoop.Run</c> durations (meter <c>CsmsCluster.SmartCharging</c>).</summary>
    public const string Metric = "csms.smartcharging.allocation.duration";

    public static AllocationFigures? From(IReadOnlyList<HistogramPoint> points) =>
        HistogramSummary.Merge(points) is { } merged ? new AllocationFigures(merged.Count, merged.Mean, merged.Max, merged.NonEmptyBuckets) : null;
}
