using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// SetChargingProfile (OCPP 1.6 §5.16): an accepted profile replaces one with the same id, or with the same stack
/// level and purpose on the same connector (§3.13.1), as the charger itself does.
/// </summary>
internal sealed class SetChargingProfileObserver()
    : CsmsCallObserver<SetChargingProfileRequest, SetChargingProfileResponse>("SetChargingProfile", V16JsonContext.Default.SetChargingProfileRequest, V16JsonContext.Default.SetChargingProfileResponse)
{
    protected override bool Apply(ChargePointState state, SetChargingProfileRequest request, SetChargingProfileResponse response, DateTimeOffset now)
    {
        if (response.Status != ChargingProfileStatus.Accepted)
        {
            return false;
        }

        var profile = request.CsChargingProfiles;
        var purpose = profile.ChargingProfilePurpose.ToString();
        state.ChargingProfiles.RemoveAll(p =>
            p.ChargingProfileId == profile.ChargingProfileId
            || (p.ConnectorId == request.ConnectorId && p.StackLevel == profile.StackLevel && p.Purpose == purpose));
        state.ChargingProfiles.Add(new InstalledProfile(
            request.ConnectorId,
            profile.ChargingProfileId,
            profile.StackLevel,
            purpose,
            profile.TransactionId,
            JsonSerializer.Serialize(profile, V16JsonContext.Default.ChargingProfile),
            now));
        return true;
    }
}
