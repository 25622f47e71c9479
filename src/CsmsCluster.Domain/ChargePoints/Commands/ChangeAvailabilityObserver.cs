using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// ChangeAvailability (OCPP 1.6 §5.2): an Accepted or Scheduled change is recorded per connector (0 = the whole
/// charge point, which supersedes per-connector settings); Scheduled means it applies once the transaction ends.
/// </summary>
internal sealed class ChangeAvailabilityObserver()
    : CsmsCallObserver<ChangeAvailabilityRequest, ChangeAvailabilityResponse>("ChangeAvailability", V16JsonContext.Default.ChangeAvailabilityRequest, V16JsonContext.Default.ChangeAvailabilityResponse)
{
    protected override bool Apply(ChargePointState state, ChangeAvailabilityRequest request, ChangeAvailabilityResponse response, DateTimeOffset now)
    {
        if (response.Status == AvailabilityStatus.Rejected)
        {
            return false;
        }

        if (request.ConnectorId == 0)
        {
            state.Availability.Clear();
        }

        state.Availability[request.ConnectorId] = new AvailabilityRecord(request.Type.ToString(), response.Status == AvailabilityStatus.Scheduled, now);
        return true;
    }
}
