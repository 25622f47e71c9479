using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// ClearChargingProfile (OCPP 1.6 §5.5): an Accepted clear removes the profile with the id, or every profile that
/// matches all the criteria given (no criteria: all profiles).
/// </summary>
internal sealed class ClearChargingProfileObserver()
    : CsmsCallObserver<ClearChargingProfileRequest, ClearChargingProfileResponse>("ClearChargingProfile", V16JsonContext.Default.ClearChargingProfileRequest, V16JsonContext.Default.ClearChargingProfileResponse)
{
    protected override bool Apply(ChargePointState state, ClearChargingProfileRequest request, ClearChargingProfileResponse response, DateTimeOffset now)
    {
        if (response.Status != ClearChargingProfileStatus.Accepted)
        {
            return false;
        }

        var purpose = request.ChargingProfilePurpose?.ToString();
        return state.ChargingProfiles.RemoveAll(p => request.Id is { } id
            ? p.ChargingProfileId == id
            : (request.ConnectorId is not { } c || p.ConnectorId == c)
              && (purpose is null || p.Purpose == purpose)
              && (request.StackLevel is not { } s || p.StackLevel == s)) > 0;
    }
}
