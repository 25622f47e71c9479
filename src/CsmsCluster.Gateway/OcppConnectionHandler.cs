using System.Net.WebSockets;
using System.Text;
using CsmsCluster.Contracts;
using CsmsCluster.Grains;
using CsmsCluster.Ocpp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Gateway;

/// <summary>
/// Serves <c>/ocpp/{chargePointId}</c>: negotiates the subprotocol, checks Basic-auth credentials and registration
/// with the charge point grain, accepts the WebSocket, makes it the charge point's current session (newest wins) and
/// runs it until it closes.
/// </summary>
/// <remarks>
/// Admission control (<see cref="ConnectionAdmission"/>) runs after the cheap request checks and before the grain is
/// called: over the connection cap or the upgrade rate the upgrade is refused with HTTP 503 and a jittered
/// <c>Retry-After</c>, so a reconnect storm is shed at the cost of one HTTP response per charger.
/// </remarks>
internal sealed class OcppConnectionHandler(
    IGrainFactory grains,
    GatewayNode node,
    ChargerSessionRegistry sessions,
    ChargerSessionRunner runner,
    ConnectionAdmission admission,
    SessionEnvironment environment,
    GatewayMetrics metrics,
    ChargerCertificateValidator certificates,
    IOptions<OcppGatewayOptions> options,
    ILogger<OcppConnectionHandler> logger)
{
    /// <summary>Subprotocols this node serves, in order of preference.</summary>
    private static readonly OcppVersion[] Supported = [OcppVersion.V16];

    public async Task HandleAsync(HttpContext context, string chargePointId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            metrics.ConnectionRefused(RefusalReasons.BadRequest);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "This endpoint accepts OCPP-J WebSocket connections only.");
            return;
        }

        if (!IsValidId(chargePointId))
        {
            metrics.ConnectionRefused(RefusalReasons.BadRequest);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The charge point id must be 1-{options.Value.MaxChargePointIdLength} printable characters.");
            return;
        }

        if (!TryNegotiate(context.WebSockets.WebSocketRequestedProtocols, out var version))
        {
            metrics.ConnectionRefused(RefusalReasons.BadRequest);
            var offered = string.Join(", ", context.WebSockets.WebSocketRequestedProtocols);
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"No supported OCPP subprotocol offered (offered: '{offered}'; supported: {string.Join(", ", Supported.Select(OcppSubprotocols.ToSubprotocol))}).");
            return;
        }

        var admitted = admission.TryAdmit();
        if (admitted != AdmissionResult.Admitted)
        {
            var (reason, retryAfter) = admitted == AdmissionResult.AtCapacity
                ? (RefusalReasons.AtCapacity, RetryDelays.SpreadSeconds(options.Value.RetryAfter))
                : (RefusalReasons.UpgradeRate, admission.BookRetryAfterSeconds());
            await ShedAsync(context, chargePointId, reason, retryAfter, "The server is busy; retry later.");
            return;
        }

        try
        {
            await ConnectAsync(context, chargePointId, version);
        }
        finally
        {
            admission.Release();
        }
    }

    private async Task ConnectAsync(HttpContext context, string chargePointId, OcppVersion version)
    {
        var subprotocol = OcppSubprotocols.ToSubprotocol(version);
        var connection = new ChargerConnection(node.NodeId, node.NextConnectionId(), subprotocol);
        var grain = grains.GetGrain<IChargePointGrain>(chargePointId);
        ConnectDecision decision;
        try
        {
            decision = await grain.ConnectAsync(connection, await ReadCredentialsAsync(context, chargePointId));
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            // An overloaded or unreachable grain runtime is a reason to come back later, not a server error.
            GatewayLog.ConnectFailed(logger, ex, chargePointId);
            await ShedAsync(context, chargePointId, RefusalReasons.Unavailable, RetryDelays.SpreadSeconds(options.Value.RetryAfter), "The server could not take the connection; retry later.");
            return;
        }

        if (decision.Result != ConnectResult.Accepted)
        {
            GatewayLog.ConnectionRefused(logger, chargePointId, decision.Result);
            if (decision.Result == ConnectResult.Unauthorized)
            {
                metrics.ConnectionRefused(RefusalReasons.Unauthorized);
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\", charset=\"UTF-8\"";
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Missing or wrong credentials.");
            }
            else
            {
                metrics.ConnectionRefused(RefusalReasons.Unknown);
                await RefuseAsync(context, StatusCodes.Status404NotFound, "Unknown charge point.");
            }

            return;
        }

        await RunSessionAsync(context, chargePointId, connection, version, grain, decision.HasQueuedCommands);
    }

    /// <summary>
    /// The credentials of security profiles 1-3: Basic-auth password, whether the connection is TLS, and whether a
    /// client certificate proved this charge point's identity. A certificate that fails verification counts as none.
    /// </summary>
    private async Task<ChargerCredentials> ReadCredentialsAsync(HttpContext context, string chargePointId)
    {
        var verified = false;
        if (context.Request.IsHttps && await context.Connection.GetClientCertificateAsync(context.RequestAborted) is { } certificate)
        {
            verified = certificates.Verify(certificate, chargePointId, out var reason);
            if (!verified)
            {
                GatewayLog.ClientCertificateRefused(logger, chargePointId, reason);
            }
        }

        return new ChargerCredentials(BasicAuth.ReadPassword(context.Request, chargePointId), context.Request.IsHttps, verified);
    }

    /// <summary>Refuses the upgrade with 503 and a <c>Retry-After</c> (RFC 9110 §10.2.3, in seconds).</summary>
    private Task ShedAsync(HttpContext context, string chargePointId, string reason, int retryAfter, string message)
    {
        metrics.ConnectionRefused(reason);
        GatewayLog.UpgradeShed(logger, chargePointId, reason, retryAfter);
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, message);
    }

    private async Task RunSessionAsync(HttpContext context, string chargePointId, ChargerConnection connection, OcppVersion version, IChargePointGrain grain, bool hasQueuedCommands)
    {
        ChargerSession? session = null;
        try
        {
            var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = connection.OcppVersion,
                KeepAliveInterval = options.Value.PingInterval,
                KeepAliveTimeout = options.Value.PongTimeout,
            });
            session = new ChargerSession(chargePointId, connection, version, socket, environment)
            {
                Delivery = new QueuedCommandDelivery(grain, chargePointId, logger),
            };
            metrics.ConnectionOpened();
            if (sessions.Register(session) is { } replaced)
            {
                GatewayLog.ConnectionReplaced(logger, chargePointId);
                await replaced.TerminateAsync(WebSocketCloseStatus.PolicyViolation, "Replaced by a newer connection.", CloseReasons.Replaced);
            }

            GatewayLog.Connected(logger, chargePointId, connection.OcppVersion, connection.ConnectionId);
            if (hasQueuedCommands)
            {
                session.Delivery!.Request(session.Closed);
            }

            await runner.RunAsync(session, context.RequestAborted);
        }
        finally
        {
            if (session is not null)
            {
                session.MarkClosed();
                await (session.Delivery?.Completion ?? Task.CompletedTask);
                sessions.Unregister(session);
                session.Release();
                metrics.ConnectionClosed(session.CloseReason);
            }

            await NotifyDisconnectAsync(grain, chargePointId, connection);
        }
    }

    private async Task NotifyDisconnectAsync(IChargePointGrain grain, string chargePointId, ChargerConnection connection)
    {
        try
        {
            await grain.DisconnectAsync(connection);
            GatewayLog.Disconnected(logger, chargePointId, connection.ConnectionId);
        }
        catch (Exception ex)
        {
            // The grain treats a connection on a node that is gone as closed, so a lost notice is not fatal.
            GatewayLog.DisconnectNoticeFailed(logger, ex, chargePointId);
        }
    }

    private bool IsValidId(string id) =>
        id.Length > 0 && id.Length <= options.Value.MaxChargePointIdLength && !id.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));

    private static bool TryNegotiate(IList<string> requested, out OcppVersion version)
    {
        foreach (var candidate in Supported)
        {
            if (requested.Contains(OcppSubprotocols.ToSubprotocol(candidate), StringComparer.OrdinalIgnoreCase))
            {
                version = candidate;
                return true;
            }
        }

        version = default;
        return false;
    }

    private static Task RefuseAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason, Encoding.UTF8);
    }
}
