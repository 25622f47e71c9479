namespace CsmsCluster.Contracts;

/// <summary>How a CSMS-initiated call ended.</summary>
public enum CsmsCallStatus
{
    /// <summary>The charger answered with a CALLRESULT.</summary>
    Completed,

    /// <summary>The charger answered with a CALLERROR.</summary>
    CallError,

    /// <summary>No answer within the timeout: the outcome is unknown.</summary>
    Timeout,

    /// <summary>The charger is not connected; nothing was sent.</summary>
    NotConnected,

    /// <summary>The charger is not connected; the call is queued and will be sent when it connects.</summary>
    Queued,
}
