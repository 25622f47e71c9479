using CsmsCluster.Contracts;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Domain.ChargePoints;

/// <summary>The domain's log messages.</summary>
internal static partial class DomainLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "{Action} to charge point {ChargePointId}: {Status}")]
    public static partial void CsmsCallCompleted(ILogger logger, string chargePointId, string action, CsmsCallStatus status);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Charge point {ChargePointId} started transaction {TransactionId} on connector {ConnectorId}")]
    public static partial void TransactionStarted(ILogger logger, string chargePointId, int transactionId, int connectorId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Charge point {ChargePointId} stopped transaction {TransactionId}")]
    public static partial void TransactionStopped(ILogger logger, string chargePointId, int transactionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Charge point {ChargePointId} replayed StartTransaction; answering with transaction {TransactionId} again")]
    public static partial void StartReplayed(ILogger logger, string chargePointId, int transactionId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Charge point {ChargePointId} stopped transaction {TransactionId}, which it never started here")]
    public static partial void UnknownTransactionStopped(ILogger logger, string chargePointId, int transactionId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Certificate signing request of charge point {ChargePointId} refused: {Reason}")]
    public static partial void CertificateRefused(ILogger logger, string chargePointId, string reason);
}
