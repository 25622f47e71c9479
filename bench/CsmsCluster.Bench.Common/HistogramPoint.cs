namespace CsmsCluster.Bench.Common;

/// <summary>
/// One exported data point of an explicit-bucket histogram (delta temporality: what was recorded between
/// <paramref name="Start"/> and <paramref name="End"/>), with its attributes.
/// </summary>
public sealed record HistogramPoint(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, string> Attributes,
    ulong Count,
    double Sum,
    double? Min,
    double? Max,
    IReadOnlyList<double> Bounds,
    IReadOnlyList<ulong> Buckets);
