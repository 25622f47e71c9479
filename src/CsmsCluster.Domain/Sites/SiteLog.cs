using Microsoft.Extensions.Logging;

namespace CsmsCluster.Domain.Sites;

internal static partial class SiteLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Site {SiteId}: allocation run sent {Commands} profiles")]
    public static partial void Ran(ILogger logger, string siteId, int commands);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Site {SiteId}: {Kind} on {ConnectorId}: {Message}")]
    public static partial void Alarm(ILogger logger, string siteId, string kind, string connectorId, string message);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Site {SiteId}: sending a profile to {ChargePointId} failed")]
    public static partial void SendFailed(ILogger logger, string siteId, string chargePointId, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Charge point {ChargePointId}: reporting to site {SiteId} failed")]
    public static partial void ReportFailed(ILogger logger, string chargePointId, string siteId, Exception exception);
}
