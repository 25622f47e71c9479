using CsmsCluster.Domain.Authorization;
using CsmsCluster.Ocpp.V16;

namespace CsmsCluster.Domain.ChargePoints.Core;

/// <summary>Maps authorization decisions to OCPP 1.6 IdTagInfo.</summary>
internal static class IdTagInfos
{
    public static IdTagInfo From(IdTagDecision decision) => new()
    {
        Status = ToStatus(decision.Status),
        ExpiryDate = decision.ExpiryDate,
        ParentIdTag = decision.ParentIdTag,
    };

    public static AuthorizationStatus ToStatus(IdTagStatus status) => status switch
    {
        IdTagStatus.Accepted => AuthorizationStatus.Accepted,
        IdTagStatus.Blocked => AuthorizationStatus.Blocked,
        IdTagStatus.Expired => AuthorizationStatus.Expired,
        IdTagStatus.ConcurrentTx => AuthorizationStatus.ConcurrentTx,
        _ => AuthorizationStatus.Invalid,
    };
}
