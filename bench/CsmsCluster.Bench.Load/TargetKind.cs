namespace CsmsCluster.Bench.Load;

/// <summary>The servers a run compares.</summary>
public enum TargetKind
{
    /// <summary>The CSMS under test.</summary>
    Csms,

    /// <summary>Kestrel WebSocket echo (transport limit).</summary>
    Echo,

    /// <summary>Node ocpp-rpc answering from memory.</summary>
    OcppRpc,
}
