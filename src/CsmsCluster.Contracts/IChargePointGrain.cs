using CsmsCluster.Grains;

namespace CsmsCluster.Contracts;

/// <summary>
/// One charge point: owns its registration, boot information, connection, connectors and open transactions. The
/// gateway forwards the charger's frames here and the API sends CSMS-initiated calls through it.
/// </summary>
[Alias("charge-point")]
public interface IChargePointGrain : IGrainWithStringKey
{
    /// <summary>
    /// A charger opens a WebSocket: checks registration and credentials against the charge point's security profile
    /// and records where its socket is.
    /// </summary>
    [Alias("connect")]
    Task<ConnectDecision> ConnectAsync(ChargerConnection connection, ChargerCredentials credentials);

    /// <summary>The socket closed; ignored unless <paramref name="connection"/> is still the current one (newest wins).</summary>
    [Alias("disconnect")]
    Task DisconnectAsync(ChargerConnection connection);

    /// <summary>Handles a schema-valid CALL sent by the charger and returns the CALLRESULT payload or a CALLERROR.</summary>
    [Alias("handle-call")]
    Task<OcppReply> HandleCallAsync(ChargerConnection connection, InboundCall call);

    /// <summary>
    /// Sends a CSMS-initiated CALL to the charger and waits for its answer. Interleaves, so the charger's own messages
    /// are handled while it waits.
    /// </summary>
    [Alias("send-call")]
    [AlwaysInterleave]
    Task<CsmsCallOutcome> SendCallAsync(CsmsCallRequest request);

    /// <summary>
    /// Sends the queued commands that have not expired, oldest first, while the charger stays connected. The gateway
    /// calls it when a socket opens and after a reply that says commands are waiting. Interleaves like
    /// <see cref="SendCallAsync"/>; a second call while one is delivering returns at once.
    /// </summary>
    [Alias("deliver-queued")]
    [AlwaysInterleave]
    Task DeliverQueuedAsync();

    /// <summary>The charge point as the API shows it.</summary>
    [Alias("get")]
    Task<ChargePointView> GetAsync();

    /// <summary>Configuration, profiles, reservations, local list, availability and event history.</summary>
    [Alias("get-details")]
    Task<ChargePointDetails> GetDetailsAsync();

    /// <summary>Registers the charge point or updates its registration.</summary>
    [Alias("register")]
    Task<ChargePointView> RegisterAsync(ChargePointRegistration registration);
}
