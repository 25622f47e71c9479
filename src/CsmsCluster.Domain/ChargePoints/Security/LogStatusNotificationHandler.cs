using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Security;

/// <summary>LogStatusNotification (1.6 security whitepaper, GetLog): kept in the status history with its request id.</summary>
internal sealed class LogStatusNotificationHandler()
    : ChargerCallHandler<LogStatusNotificationRequest, LogStatusNotificationResponse>(
        OcppVersion.V16, "LogStatusNotification", V16JsonContext.Default.LogStatusNotificationRequest, V16JsonContext.Default.LogStatusNotificationResponse)
{
    protected override Task<LogStatusNotificationResponse> HandleAsync(ChargerCallContext context, LogStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        StatusEvents.Record(context, "Log", request.Status.ToString(), request.RequestId);
        return Task.FromResult(new LogStatusNotificationResponse());
    }
}
