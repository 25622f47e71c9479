using CsmsCluster.Contracts;
using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;
using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.ChargePoints.Security;

/// <summary>SecurityEventNotification (1.6 security whitepaper): stored with the charge point, newest last.</summary>
internal sealed class SecurityEventNotificationHandler(ISecurityEventStore store)
    : ChargerCallHandler<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
        OcppVersion.V16, "SecurityEventNotification", V16JsonContext.Default.SecurityEventNotificationRequest, V16JsonContext.Default.SecurityEventNotificationResponse)
{
    /// <summary>How many security events a charge point keeps.</summary>
    internal const int Kept = 200;

    protected override async Task<SecurityEventNotificationResponse> HandleAsync(ChargerCallContext context, SecurityEventNotificationRequest request, CancellationToken cancellationToken)
    {
        // Stored before the answer, so an acknowledged event is never lost; the grain keeps the latest few as well.
        await store.AppendAsync(new SecurityEventEntry(context.ChargePointId, request.Timestamp, request.Type, request.TechInfo, context.Now), cancellationToken);
        BoundedList.Append(context.State.SecurityEvents, new SecurityEventRecord(request.Type, request.Timestamp, request.TechInfo, context.Now), Kept);
        context.MarkChanged();
        return new SecurityEventNotificationResponse();
    }
}
