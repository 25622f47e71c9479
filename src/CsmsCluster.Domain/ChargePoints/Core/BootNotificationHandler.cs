using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>BootNotification (OCPP 1.6 §4.2): records the charger's identity and accepts it.</summary>
internal sealed class BootNotificationHandler()
    : ChargerCallHandler<BootNotificationRequest, BootNotificationResponse>(
        OcppVersion.V16, "BootNotification", V16JsonContext.Default.BootNotificationRequest, V16JsonContext.Default.BootNotificationResponse)
{
    protected override Task<BootNotificationResponse> HandleAsync(ChargerCallContext context, BootNotificationRequest request, CancellationToken cancellationToken)
    {
        context.State.Boot = new BootRecord(
            request.ChargePointVendor,
            request.ChargePointModel,
            request.ChargePointSerialNumber,
            request.ChargeBoxSerialNumber,
            request.FirmwareVersion,
            request.Iccid,
            request.Imsi,
            request.MeterType,
            request.MeterSerialNumber,
            context.Now);
        context.MarkChanged(directory: true);
        return Task.FromResult(new BootNotificationResponse
        {
            Status = RegistrationStatus.Accepted,
            CurrentTime = context.Now,
            Interval = (int)context.Options.HeartbeatInterval.TotalSeconds,
        });
    }
}
