using System.Diagnostics;

namespace CsmsCluster.Persistence;

/// <summary>
/// The persistence layer's <see cref="ActivitySource"/>, named like its meter (<see cref="HistoryMetrics.MeterName"/>).
/// Grain state reads and writes are traced by the grain runtime (spans <c>storage read</c> / <c>storage write</c>
/// inside the grain call); this source traces the history writer: a <c>history write</c> span on the request path
/// (the caller waiting for its batch to commit) and a <c>history commit</c> span per batch, the root of its own trace
/// with links to the writes it carries.
/// </summary>
internal static class PersistenceTelemetry
{
    public static readonly ActivitySource ActivitySource = new(HistoryMetrics.MeterName);

    /// <summary>Most links on one batch span (the OpenTelemetry SDK's default link limit).</summary>
    public const int MaxLinks = 128;
}
