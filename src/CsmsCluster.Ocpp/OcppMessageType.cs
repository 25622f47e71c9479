namespace CsmsCluster.Ocpp;

/// <summary>The message type number, the first element of every OCPP-J frame (OCPP-J 1.6 §4.1.3).</summary>
public enum OcppMessageType
{
    /// <summary>A request: <c>[2, "uniqueId", "Action", {payload}]</c>.</summary>
    Call = 2,

    /// <summary>A successful response: <c>[3, "uniqueId", {payload}]</c>.</summary>
    CallResult = 3,

    /// <summary>An error response: <c>[4, "uniqueId", "errorCode", "errorDescription", {errorDetails}]</c>.</summary>
    CallError = 4,
}
