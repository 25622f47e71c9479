namespace CsmsCluster.Ocpp;

/// <summary>Which half of an action a payload belongs to.</summary>
public enum OcppPayloadKind
{
    /// <summary>The payload of a CALL (<c>Action.json</c> in 1.6, <c>ActionRequest.json</c> in 2.0.1).</summary>
    Request,

    /// <summary>The payload of a CALLRESULT (<c>ActionResponse.json</c>).</summary>
    Response,
}
