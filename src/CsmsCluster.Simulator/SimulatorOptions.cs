using System.Net;

namespace CsmsCluster.Simulator;

/// <summary>What a simulated fleet does; every property states its default.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Base of the OCPP endpoint; the charger id is appended. Default <c>ws://127.0.0.1:8080/ocpp/</c>.</summary>
    public Uri ServerUrl { get; init; } = new("ws://127.0.0.1:8080/ocpp/");

    /// <summary>Number of chargers. Default 1.</summary>
    public int ChargerCount { get; init; } = 1;

    /// <summary>Charger ids are this prefix plus a zero-padded index. Default <c>SIM</c>.</summary>
    public string IdPrefix { get; init; } = "SIM";

    /// <summary>Connectors per charger. Default 1.</summary>
    public int ConnectorsPerCharger { get; init; } = 1;

    /// <summary>Heartbeat interval; null uses the interval from BootNotification.conf. Default null.</summary>
    public TimeSpan? HeartbeatInterval { get; init; }

    /// <summary>MeterValues interval while charging. Default 60 s.</summary>
    public TimeSpan MeterValuesInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether EVs arrive and leave (transactions). Default true.</summary>
    public bool Sessions { get; init; } = true;

    /// <summary>Mean session length (exponential). Default 30 min.</summary>
    public TimeSpan MeanSessionLength { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Mean idle time between sessions on a connector (exponential). Default 15 min.</summary>
    public TimeSpan MeanIdleTime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The EV's own maximum current per phase. Default 32 A.</summary>
    public double EvMaxCurrent { get; init; } = 32;

    /// <summary>Phases the EV draws on. Default 3.</summary>
    public int Phases { get; init; } = 3;

    /// <summary>Phase voltage used to convert W limits and energy. Default 230 V.</summary>
    public double Voltage { get; init; } = 230;

    /// <summary>The idTag sessions start with. Default <c>SIMTAG</c>.</summary>
    public string IdTag { get; init; } = "SIMTAG";

    /// <summary>Basic auth password (user = charger id); null sends none. Default null.</summary>
    public string? Password { get; init; }

    /// <summary>Local addresses to bind client sockets to, round robin; empty lets the OS choose. Default empty.</summary>
    public IReadOnlyList<IPAddress> SourceAddresses { get; init; } = [];

    /// <summary>First reconnect back-off step. Default 1 s.</summary>
    public TimeSpan ReconnectBase { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect back-off. Default 60 s.</summary>
    public TimeSpan ReconnectCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>First connections are spread uniformly over this time. Default 0 (all at once).</summary>
    public TimeSpan ConnectSpread { get; init; }

    /// <summary>How long a charger waits for the answer to its CALL. Default 30 s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The id of charger <paramref name="index"/>.</summary>
    public string ChargerId(int index) => $"{IdPrefix}{index:D5}";
}
