using Microsoft.Extensions.Logging;

namespace CsmsCluster.Persistence;

/// <summary>Source-generated log messages of the persistence layer (never connection strings: they hold passwords).</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(1, LogLevel.Information, "Applying {Provider} schema migration {Version} ({Name})")]
    public static partial void ApplyingMigration(ILogger logger, string provider, int version, string name);

    [LoggerMessage(2, LogLevel.Information, "{Provider} schema is at version {Version} ({Applied} migrations applied now)")]
    public static partial void SchemaUpToDate(ILogger logger, string provider, int version, int applied);

    [LoggerMessage(3, LogLevel.Warning, "Storage health check failed")]
    public static partial void HealthCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Error, "History batch of {Count} entries failed; its callers get the error")]
    public static partial void HistoryBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "History batch of {Count} entries failed on its data; retrying entry by entry")]
    public static partial void HistoryBatchRetryingEntries(ILogger logger, int count, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "History writer stopped before writing {Count} queued entries; their callers get an error")]
    public static partial void HistoryWriterAborted(ILogger logger, int count);

    [LoggerMessage(7, LogLevel.Warning, "Grain state write for {GrainId} rejected: expected version {Expected}, stored {Stored}")]
    public static partial void StaleWrite(ILogger logger, string grainId, long expected, string stored);
}
