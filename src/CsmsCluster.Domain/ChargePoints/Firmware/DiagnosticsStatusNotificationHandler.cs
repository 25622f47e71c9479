using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Firmware;

/// <summary>DiagnosticsStatusNotification (OCPP 1.6 §4.4): kept in the charge point's status history.</summary>
internal sealed class DiagnosticsStatusNotificationHandler()
    : ChargerCallHandler<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>(
        OcppVersion.V16, "DiagnosticsStatusNotification", V16JsonContext.Default.DiagnosticsStatusNotificationRequest, V16JsonContext.Default.DiagnosticsStatusNotificationResponse)
{
    protected override Task<DiagnosticsStatusNotificationResponse> HandleAsync(ChargerCallContext context, DiagnosticsStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        StatusEvents.Record(context, "Diagnostics", request.Status.ToString(), null);
        return Task.FromResult(new DiagnosticsStatusNotificationResponse());
    }
}
