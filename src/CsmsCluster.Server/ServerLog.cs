namespace CsmsCluster.Server;

/// <summary>The host's log messages.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "CsmsCluster starting in role {Role}")]
    public static partial void LogStarting(this ILogger logger, string role);
}
