using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>CancelReservation (OCPP 1.6 §5.1): an Accepted cancel removes the reservation.</summary>
internal sealed class CancelReservationObserver()
    : CsmsCallObserver<CancelReservationRequest, CancelReservationResponse>("CancelReservation", V16JsonContext.Default.CancelReservationRequest, V16JsonContext.Default.CancelReservationResponse)
{
    protected override bool Apply(ChargePointState state, CancelReservationRequest request, CancelReservationResponse response, DateTimeOffset now) =>
        response.Status == CancelReservationStatus.Accepted && state.Reservations.Remove(request.ReservationId);
}
