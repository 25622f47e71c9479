namespace CsmsCluster.Gateway;

/// <summary>What to do with one message of a charger, by its message rate.</summary>
internal enum RateDecision
{
    /// <summary>Within the rate: handle it.</summary>
    Accept,

    /// <summary>Over the rate: answer a CALL with a rate-limit CALLERROR, do not forward it.</summary>
    Reject,

    /// <summary>Flooding past the hard threshold: close the socket with 1008.</summary>
    Close,
}
