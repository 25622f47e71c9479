using Microsoft.Extensions.Logging;

namespace CsmsCluster.Api;

/// <summary>The API's log messages.</summary>
internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Generated the admin API token {Token}; it is kept in {Path} and will not be printed again")]
    public static partial void AdminTokenGenerated(ILogger logger, string token, string path);
}
