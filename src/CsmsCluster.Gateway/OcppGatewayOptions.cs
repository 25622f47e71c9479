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

    /// <summary>
    /// Most charger connections this node holds at once (open sockets plus upgrades in progress); one more is refused
    /// with HTTP 503 and <c>Retry-After</c> before the grain is called. Default 20,000.
    /// </summary>
    public int MaxConnections { get; set; } = 20_000;

    /// <summary>
    /// Sustained rate of WebSocket upgrades this node admits (one token bucket per node); an upgrade beyond it is
    /// refused with HTTP 503 and <c>Retry-After</c> before the grain is called. Default 500 per second.
    /// </summary>
    public double MaxUpgradesPerSecond { get; set; } = 500;

    /// <summary>Upgrades admitted at once before <see cref="MaxUpgradesPerSecond"/> applies (the bucket size). Default 1,000.</summary>
    public int UpgradeBurst { get; set; } = 1_000;

    /// <summary>
    /// Base of the <c>Retry-After</c> header of an upgrade refused because the node is at
    /// <see cref="MaxConnections"/>: each such refusal names a random whole number of seconds between this and twice
    /// this. (An upgrade refused by <see cref="MaxUpgradesPerSecond"/> is told when the rate has room for it instead.)
    /// Default 10 s.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// On shutdown, charger sockets are closed in waves spread over this time (then each close waits at most
    /// <see cref="CloseTimeout"/>). Default 0: all at once. A cluster's gateways set a few seconds, so the chargers of a
    /// stopping gateway reach the others as a stream.
    /// </summary>
    public TimeSpan ShutdownCloseSpread { get; set; } = TimeSpan.Zero;

    /// <summary>The longest <c>Retry-After</c> an upgrade refused by the upgrade rate is given. Default 2 minutes.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Sustained rate of CALLs one charger may send (a token bucket per session); a CALL beyond it is answered with
    /// CALLERROR <c>GenericError</c> "Rate limit exceeded; retry later" without reaching the grain, so nothing is
    /// acknowledged and the charger retries it. Default 20 per second.
    /// </summary>
    public double MaxMessagesPerSecond { get; set; } = 20;

    /// <summary>CALLs one charger may send at once before <see cref="MaxMessagesPerSecond"/> applies. Default 60.</summary>
    public int MessageBurst { get; set; } = 60;

    /// <summary>
    /// A charger that sends more than <c>FloodCloseFactor x MaxMessagesPerSecond x FloodCloseWindow</c> messages
    /// within one <see cref="FloodCloseWindow"/> (by default 2,000 in 10 s) is closed with 1008 (policy violation).
    /// Default 10.
    /// </summary>
    public double FloodCloseFactor { get; set; } = 10;

    /// <summary>The window over which <see cref="FloodCloseFactor"/> is measured. Default 10 s.</summary>
    public TimeSpan FloodCloseWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After this many consecutive CSMS-initiated calls the charger left unanswered until they timed out, its socket
    /// is treated as a zombie and closed with 1008, so a reconnect starts afresh. Default 3.
    /// </summary>
    public int UnansweredCallLimit { get; set; } = 3;

    /// <summary>
    /// The node is saturated while at least this many charger CALLs are waiting for grains on it; then the gateway
    /// answers a BootNotification itself with status Pending instead of forwarding it. The node also counts as saturated while its connection cap is reached or its upgrade bucket is empty.
    /// Default 1,000.
    /// </summary>
    public int SaturatedInFlightCalls { get; set; } = 1_000;

    /// <summary>
    /// The base of the <c>interval</c> of a Pending BootNotification answer: each names a random whole number of
    /// seconds between this and twice this, after which the charger boots again. Default 10 s.
    /// </summary>
    public TimeSpan PendingBootInterval { get; set; } = TimeSpan.FromSeconds(10);
}
