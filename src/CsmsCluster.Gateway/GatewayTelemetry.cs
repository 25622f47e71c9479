using System.Collections.Concurrent;
using System.Diagnostics;
using CsmsCluster.Contracts;

namespace CsmsCluster.Gateway;

/// <summary>
/// The gateway's <see cref="ActivitySource"/>, named like its meter (<see cref="GatewayMetrics.MeterName"/>). Spans
/// are started only when something listens (<see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns
/// null otherwise), so the receive loop pays one check when tracing is off.
/// </summary>
internal static class GatewayTelemetry
{
    public static readonly ActivitySource ActivitySource = new(GatewayMetrics.MeterName);

    // Span names per action, built once: action names are bounded (known actions or "unknown").
    private static readonly ConcurrentDictionary<string, string> SpanNames = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts the span of one charger CALL as the root of its own trace, linked to the connection's span. The
    /// WebSocket's HTTP request span lasts as long as the connection; parenting every message under it would make a
    /// connection one endless trace. The caller must be an async method: the cleared current activity then does not
    /// leak back to its caller.
    /// </summary>
    public static Activity? StartInboundCall(ChargerSession session, string action, string uniqueId)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        Activity.Current = null;
        var activity = ActivitySource.StartActivity(SpanName(action), ActivityKind.Server, default(ActivityContext), tags: null, links: session.ConnectionLinks);
        if (activity is null)
        {
            Activity.Current = previous;
            return null;
        }

        return activity.SetTag("ocpp.action", action)
            .SetTag("ocpp.charge_point.id", session.ChargePointId)
            .SetTag("ocpp.message.id", uniqueId)
            .SetTag("ocpp.version", session.Connection.OcppVersion);
    }

    /// <summary>Starts the span of a CSMS-initiated CALL, a child of the grain call that sends it.</summary>
    public static Activity? StartOutboundCall(ChargerSession session, string action) =>
        ActivitySource.StartActivity(SpanName(action), ActivityKind.Client)
            ?.SetTag("ocpp.action", action)
            .SetTag("ocpp.charge_point.id", session.ChargePointId);

    /// <summary>Records how a CSMS-initiated CALL ended on its span.</summary>
    public static void SetOutcome(Activity activity, CsmsCallOutcome outcome)
    {
        var name = GatewayMetrics.OutcomeName(outcome.Status);
        activity.SetTag("ocpp.outcome", name);
        if (outcome.Status != CsmsCallStatus.Completed)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome.ErrorCode ?? name);
        }
    }

    private static string SpanName(string action) => SpanNames.GetOrAdd(action, static a => "ocpp " + a);
}
