using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Firmware;

/// <summary>SignedFirmwareStatusNotification (1.6 security whitepaper): kept in the status history with its request id.</summary>
internal sealed class SignedFirmwareStatusNotificationHandler()
    : ChargerCallHandler<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>(
        OcppVersion.V16, "SignedFirmwareStatusNotification", V16JsonContext.Default.SignedFirmwareStatusNotificationRequest, V16JsonContext.Default.SignedFirmwareStatusNotificationResponse)
{
    protected override Task<SignedFirmwareStatusNotificationResponse> HandleAsync(ChargerCallContext context, SignedFirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        StatusEvents.Record(context, "SignedFirmware", request.Status.ToString(), request.RequestId);
        return Task.FromResult(new SignedFirmwareStatusNotificationResponse());
    }
}
