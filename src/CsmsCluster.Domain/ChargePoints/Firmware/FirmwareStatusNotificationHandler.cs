using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Firmware;

/// <summary>FirmwareStatusNotification (OCPP 1.6 §4.5): kept in the charge point's status history.</summary>
internal sealed class FirmwareStatusNotificationHandler()
    : ChargerCallHandler<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(
        OcppVersion.V16, "FirmwareStatusNotification", V16JsonContext.Default.FirmwareStatusNotificationRequest, V16JsonContext.Default.FirmwareStatusNotificationResponse)
{
    protected override Task<FirmwareStatusNotificationResponse> HandleAsync(ChargerCallContext context, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        StatusEvents.Record(context, "Firmware", request.Status.ToString(), null);
        return Task.FromResult(new FirmwareStatusNotificationResponse());
    }
}
