namespace CsmsCluster.Domain.Authorization;

/// <summary>The authorization status of an idTag (OCPP 1.6 AuthorizationStatus).</summary>
public enum IdTagStatus
{
    /// <summary>Allowed to charge.</summary>
    Accepted,

    /// <summary>Blocked by the operator.</summary>
    Blocked,

    /// <summary>Past its expiry date.</summary>
    Expired,

    /// <summary>Unknown or invalid.</summary>
    Invalid,

    /// <summary>Already in another transaction.</summary>
    ConcurrentTx,
}
