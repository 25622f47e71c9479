using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Security;

/// <summary>SecurityEventNotification (1.6 security whitepaper): stored with the charge point, newest last.</summary>
internal sealed class SecurityEventNotificationHandler()
    : ChargerCallHandler<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
        OcppVersion.V16, "SecurityEventNotification", V16JsonContext.Default.SecurityEventNotificationRequest, V16JsonContext.Default.SecurityEventNotificationResponse)
{
    /// <summary>How many security events a charge point keeps.</summary>
    internal const int Kept = 200;

    protected override Task<SecurityEventNotificationResponse> HandleAsync(ChargerCallContext context, SecurityEventNotificationRequest request, CancellationToken cancellationToken)
    {
        BoundedList.Append(context.State.SecurityEvents, new SecurityEventRecord(request.Type, request.Timestamp, request.TechInfo, context.Now), Kept);
        context.MarkChanged();
        return Task.FromResult(new SecurityEventNotificationResponse());
    }
}
