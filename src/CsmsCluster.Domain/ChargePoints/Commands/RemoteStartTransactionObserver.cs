using System.Text.Json;
using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// An Accepted RemoteStartTransaction that carries a TxProfile installs it for the transaction it starts (1.6 §5.11):
/// it is listed at once without a transaction id, takes the id when StartTransaction arrives on its connector, and is
/// removed when that transaction stops.
/// </summary>
internal sealed class RemoteStartTransactionObserver()
    : CsmsCallObserver<RemoteStartTransactionRequest, RemoteStartTransactionResponse>(
        "RemoteStartTransaction", V16JsonContext.Default.RemoteStartTransactionRequest, V16JsonContext.Default.RemoteStartTransactionResponse)
{
    protected override bool Apply(ChargePointState state, RemoteStartTransactionRequest request, RemoteStartTransactionResponse response, DateTimeOffset now)
    {
        if (response.Status != RemoteStartStopStatus.Accepted || request.ChargingProfile is not { } profile)
        {
            return false;
        }

        var connector = request.ConnectorId ?? 0;
        var purpose = profile.ChargingProfilePurpose.ToString();
        state.ChargingProfiles.RemoveAll(p =>
            p.ChargingProfileId == profile.ChargingProfileId
            || (p.ConnectorId == connector && p.StackLevel == profile.StackLevel && p.Purpose == purpose));
        state.ChargingProfiles.Add(new InstalledProfile(
            connector, profile.ChargingProfileId, profile.StackLevel, purpose, null,
            JsonSerializer.Serialize(profile, V16JsonContext.Default.ChargingProfile), now));
        return true;
    }
}
