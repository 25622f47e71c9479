namespace CsmsCluster.Bench.Load;

/// <summary>One open-loop window against one target.</summary>
public sealed record LoadResult(TargetKind Target, int Round, long Sent, long Answered, long Errors, double CpuSeconds, double Seconds, double[] SortedLatencyMs)
{
    /// <summary>When the window began and ended (wall clock, to select the server's exported metrics).</summary>
    public (DateTimeOffset From, DateTimeOffset To) Window { get; init; }

    /// <summary>The machine's CPU steal over the window, in % of its CPU time (<see cref="CpuTimes"/>).</summary>
    public double StealPercent { get; init; }

    /// <summary>What the server itself recorded over the window (the CSMS only).</summary>
    public ServerFigures? Server { get; init; }

    /// <summary>Server CPU per answered message, in µs.</summary>
    public double CpuMicrosPerMessage => Answered == 0 ? double.NaN : CpuSeconds * 1e6 / Answered;

    /// <summary>The latency at quantile <paramref name="q"/> (0..1), in ms.</summary>
    public double Percentile(double q) =>
        SortedLatencyMs.Length == 0 ? double.NaN : SortedLatencyMs[Math.Clamp((int)Math.Ceiling(q * SortedLatencyMs.Length) - 1, 0, SortedLatencyMs.Length - 1)];
}
