namespace CsmsCluster.Gateway;

/// <summary>Charger socket settings; configuration section <c>Csms:Ocpp</c>.</summary>
public sealed class OcppGatewayOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Csms:Ocpp";

    /// <summary>Largest accepted WebSocket message in bytes; a larger one closes the socket with 1009. Default 1 MiB.</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>Interval of WebSocket keep-alive pings. Default 30 s.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A socket whose pong does not arrive within this time after a ping is aborted (zombie). Default 30 s.</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest accepted charge point id (the OCPP 1.6 security whitepaper allows 48 characters). Default 48.</summary>
    public int MaxChargePointIdLength { get; set; } = 48;

    /// <summary>How long a closing handshake may take before the socket is aborted. Default 5 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
