using CsmsCluster.Contracts;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Commands;

/// <summary>
/// SendLocalList (OCPP 1.6 §5.15): an Accepted Full update replaces the list; a Differential one adds or updates
/// entries with an idTagInfo and removes those without. The list takes the request's version.
/// </summary>
internal sealed class SendLocalListObserver()
    : CsmsCallObserver<SendLocalListRequest, SendLocalListResponse>("SendLocalList", V16JsonContext.Default.SendLocalListRequest, V16JsonContext.Default.SendLocalListResponse)
{
    protected override bool Apply(ChargePointState state, SendLocalListRequest request, SendLocalListResponse response, DateTimeOffset now)
    {
        if (response.Status != UpdateStatus.Accepted)
        {
            return false;
        }

        var entries = state.LocalList.Entries;
        if (request.UpdateType == UpdateType.Full)
        {
            entries.Clear();
        }

        foreach (var item in request.LocalAuthorizationList ?? [])
        {
            if (item.IdTagInfo is { } info)
            {
                entries[item.IdTag] = new LocalListEntry(item.IdTag, info.Status.ToString(), info.ExpiryDate, info.ParentIdTag);
            }
            else
            {
                entries.Remove(item.IdTag);
            }
        }

        state.LocalList.Version = request.ListVersion;
        state.LocalList.UpdatedAt = now;
        return true;
    }
}
