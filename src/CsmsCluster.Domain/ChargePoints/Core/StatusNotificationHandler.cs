using CsmsCluster.Ocpp;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>StatusNotification (OCPP 1.6 §4.9): keeps each connector's status; connector 0 is the charge point.</summary>
internal sealed class StatusNotificationHandler()
    : ChargerCallHandler<StatusNotificationRequest, StatusNotificationResponse>(
        OcppVersion.V16, "StatusNotification", V16JsonContext.Default.StatusNotificationRequest, V16JsonContext.Default.StatusNotificationResponse)
{
    protected override Task<StatusNotificationResponse> HandleAsync(ChargerCallContext context, StatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var record = new ConnectorRecord(
            request.Status.ToString(),
            request.ErrorCode.ToString(),
            request.Info,
            request.VendorId,
            request.VendorErrorCode,
            request.Timestamp ?? context.Now);
        var connectors = context.State.Connectors;
        // A status older than the one we hold (a queued message delivered late) does not overwrite it.
        if (!connectors.TryGetValue(request.ConnectorId, out var current) || current.StatusTimestamp <= record.StatusTimestamp)
        {
            if (current != record)
            {
                connectors[request.ConnectorId] = record;
                context.MarkChanged();
            }
        }

        return Task.FromResult(new StatusNotificationResponse());
    }
}
