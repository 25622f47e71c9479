using CsmsCluster.Contracts;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Gateway;

/// <summary>The gateway's log messages.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Charge point {ChargePointId} connected with {Subprotocol} (connection {ConnectionId})")]
    public static partial void Connected(ILogger logger, string chargePointId, string subprotocol, long connectionId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Charge point {ChargePointId} disconnected (connection {ConnectionId})")]
    public static partial void Disconnected(ILogger logger, string chargePointId, long connectionId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Connection of charge point {ChargePointId} refused: {Decision}")]
    public static partial void ConnectionRefused(ILogger logger, string chargePointId, ConnectResult decision);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Charge point {ChargePointId} reconnected; the older connection is closed")]
    public static partial void ConnectionReplaced(ILogger logger, string chargePointId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Malformed frame from charge point {ChargePointId}: {Reason}")]
    public static partial void MalformedFrame(ILogger logger, string chargePointId, string? reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Charge point {ChargePointId} sent a message over {MaxFrameBytes} bytes; closing with 1009")]
    public static partial void FrameTooBig(ILogger logger, string chargePointId, int maxFrameBytes);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Handling {Action} from charge point {ChargePointId} failed")]
    public static partial void CallFailed(ILogger logger, Exception exception, string chargePointId, string action);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Charge point {ChargePointId} answered call {UniqueId}, which is not outstanding")]
    public static partial void UnmatchedAnswer(ILogger logger, string chargePointId, string uniqueId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Socket of charge point {ChargePointId} ended: {Reason}")]
    public static partial void SocketEnded(ILogger logger, string chargePointId, string reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Warning, Message = "Could not tell charge point {ChargePointId}'s grain about the disconnect")]
    public static partial void DisconnectNoticeFailed(ILogger logger, Exception exception, string chargePointId);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Client certificate of charge point {ChargePointId} refused: {Reason}")]
    public static partial void ClientCertificateRefused(ILogger logger, string chargePointId, string reason);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "Delivering queued commands to charge point {ChargePointId} failed")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string chargePointId);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Closing {Count} charger connections for shutdown")]
    public static partial void ClosingForShutdown(ILogger logger, int count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Upgrade of charge point {ChargePointId} refused with 503 ({Reason}); retry after {RetryAfterSeconds} s")]
    public static partial void UpgradeShed(ILogger logger, string chargePointId, string reason, int retryAfterSeconds);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "Charge point {ChargePointId} exceeds its message rate; closing with 1008")]
    public static partial void FloodClosing(ILogger logger, string chargePointId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Charge point {ChargePointId} left {Count} consecutive calls unanswered; closing it as a zombie with 1008")]
    public static partial void ZombieClosing(ILogger logger, string chargePointId, int count);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Debug, Message = "CALL {UniqueId} of charge point {ChargePointId} refused by its rate limit")]
    public static partial void RateLimited(ILogger logger, string chargePointId, string uniqueId);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "Node saturated: BootNotification of charge point {ChargePointId} answered Pending (retry in {IntervalSeconds} s)")]
    public static partial void BootPending(ILogger logger, string chargePointId, int intervalSeconds);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Error, Message = "Connecting charge point {ChargePointId} failed; refused with 503")]
    public static partial void ConnectFailed(ILogger logger, Exception exception, string chargePointId);
}
