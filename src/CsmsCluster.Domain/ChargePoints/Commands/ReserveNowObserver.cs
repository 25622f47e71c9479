using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>ReserveNow (OCPP 1.6 §5.13): an Accepted reservation is kept (same id replaces) until used, cancelled or expired.</summary>
internal sealed class ReserveNowObserver()
    : CsmsCallObserver<ReserveNowRequest, ReserveNowResponse>("ReserveNow", V16JsonContext.Default.ReserveNowRequest, V16JsonContext.Default.ReserveNowResponse)
{
    protected override bool Apply(ChargePointState state, ReserveNowRequest request, ReserveNowResponse response, DateTimeOffset now)
    {
        if (response.Status != ReservationStatus.Accepted)
        {
            return false;
        }

        state.Reservations[request.ReservationId] = new ReservationRecord(request.ReservationId, request.ConnectorId, request.IdTag, request.ParentIdTag, request.ExpiryDate, now);
        return true;
    }
}
