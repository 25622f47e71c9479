namespace CsmsCluster.Bench.Common;

/// <summary>
/// One exported data point of a sum or gauge: with delta temporality a counter's increase between
/// <paramref name="Start"/> and <paramref name="End"/>, for a gauge its value at <paramref name="End"/>.
/// </summary>
public sealed record NumberPoint(DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<string, string> Attributes, double Value);
