using CsmsCluster.Persistence;

namespace CsmsCluster.Domain.Authorization;

/// <summary>Decides an idTag's authorization status from its entry (pure: the caller passes the time).</summary>
public static class IdTagAuthorizer
{
    /// <summary>
    /// Unknown idTags are Invalid; an Accepted entry whose expiry date has passed is Expired; otherwise the entry's
    /// status. The parent idTag and expiry are reported so the charger can cache them (OCPP 1.6 §7.24 IdTagInfo).
    /// </summary>
    public static IdTagDecision Decide(IdTagRecord? entry, DateTimeOffset now)
    {
        if (entry is null)
        {
            return new IdTagDecision(IdTagStatus.Invalid, null, null);
        }

        var status = ParseStatus(entry.Status);
        if (status == IdTagStatus.Accepted && entry.ExpiryDate is { } expiry && expiry <= now)
        {
            status = IdTagStatus.Expired;
        }

        return new IdTagDecision(status, entry.ExpiryDate, entry.ParentIdTag);
    }

    private static IdTagStatus ParseStatus(string status) =>
        Enum.TryParse<IdTagStatus>(status, ignoreCase: false, out var parsed) ? parsed : IdTagStatus.Invalid;
}
