namespace CsmsCluster.Ocpp;

/// <summary>The OCPP protocol versions this library speaks, one per WebSocket subprotocol.</summary>
public enum OcppVersion
{
    /// <summary>OCPP 1.6 JSON (OCPP-J 1.6), including the messages of the 1.6 security whitepaper.</summary>
    V16,

    /// <summary>OCPP 2.0.1 (OCPP-J 2.0.1).</summary>
    V201,
}
