namespace CsmsCluster.Simulator;

/// <summary>How a charger's CALL ended.</summary>
public enum CallOutcome
{
    /// <summary>CALLRESULT (or, against an echo server, the frame echoed back).</summary>
    Result,

    /// <summary>CALLERROR.</summary>
    Error,

    /// <summary>No answer within the call timeout.</summary>
    Timeout,

    /// <summary>The socket was not open or closed before the answer.</summary>
    NotConnected,
}
