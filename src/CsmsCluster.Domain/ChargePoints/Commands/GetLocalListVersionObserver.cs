using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// GetLocalListVersion (OCPP 1.6 §5.10): records the version the charger reports. When it differs from the version
/// last sent, the entries held here are no longer known to match and are dropped.
/// </summary>
internal sealed class GetLocalListVersionObserver()
    : CsmsCallObserver<GetLocalListVersionRequest, GetLocalListVersionResponse>("GetLocalListVersion", V16JsonContext.Default.GetLocalListVersionRequest, V16JsonContext.Default.GetLocalListVersionResponse)
{
    protected override bool Apply(ChargePointState state, GetLocalListVersionRequest request, GetLocalListVersionResponse response, DateTimeOffset now)
    {
        if (state.LocalList.Version != response.ListVersion)
        {
            state.LocalList.Entries.Clear();
        }

        state.LocalList.Version = response.ListVersion;
        state.LocalList.UpdatedAt = now;
        return true;
    }
}
