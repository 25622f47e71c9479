using CsmsCluster.Bench.Common;

namespace CsmsCluster.Bench.Load;

/// <summary>
/// What the CSMS itself recorded during a window, read from its OTLP metrics export: the time from receiving each
/// MeterValues CALL to sending its answer (<c>csms.gateway.call.duration</c>), the history group commits, and the
/// runtime's GC collections and pause time.
/// </summary>
public sealed record ServerFigures(
    IReadOnlyList<HistogramPoint> CallPoints, IReadOnlyList<HistogramPoint> CommitPoints, double GcPauseSeconds, double Gen0, double Gen1, double Gen2)
{
    public const string CallDuration = "csms.gateway.call.duration";
    public const string CommitDuration = "csms.history.commit.duration";
    public const string GcPause = "dotnet.gc.pause.time";
    public const string GcCollections = "dotnet.gc.collections";

    /// <summary>The metrics a receiver must keep for <see cref="Read"/>.</summary>
    public static readonly string[] Metrics = [CallDuration, CommitDuration, GcPause, GcCollections];

    /// <summary>The answer times of the window's CALLs, in seconds.</summary>
    public HistogramSummary? Calls => HistogramSummary.Merge(CallPoints);

    /// <summary>The history group commits of the window, in seconds.</summary>
    public HistogramSummary? Commits => HistogramSummary.Merge(CommitPoints);

    /// <summary>The figures of the window from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ServerFigures Read(OtlpReceiver receiver, string action, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var calls = receiver.Histograms(CallDuration, from, to).Where(p => p.Attributes.GetValueOrDefault("ocpp.action") == action).ToList();
        var collections = receiver.Numbers(GcCollections, from, to);
        double Generation(string name) => collections.Where(p => p.Attributes.GetValueOrDefault("gc.heap.generation") == name).Sum(p => p.Value);
        return new ServerFigures(
            calls,
            receiver.Histograms(CommitDuration, from, to),
            receiver.Numbers(GcPause, from, to).Sum(p => p.Value),
            Generation("gen0"),
            Generation("gen1"),
            Generation("gen2"));
    }
}
