using Microsoft.Extensions.Logging;

namespace CsmsCluster.Grains.Telemetry;

/// <summary>The runtime's log messages (source-generated).</summary>
internal static partial class GrainRuntimeLog
{
    [LoggerMessage(1, LogLevel.Debug, "Activated {GrainId} (activation {ActivationId})")]
    public static partial void Activated(this ILogger logger, GrainId grainId, Guid activationId);

    [LoggerMessage(2, LogLevel.Warning, "Activation of {GrainId} failed; it is discarded")]
    public static partial void ActivationFailed(this ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "Deactivated {GrainId} (activation {ActivationId}), reason {Reason}")]
    public static partial void Deactivated(this ILogger logger, GrainId grainId, Guid activationId, DeactivationReason reason);

    [LoggerMessage(4, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed (reason {Reason})")]
    public static partial void DeactivationFailed(this ILogger logger, GrainId grainId, DeactivationReason reason, Exception exception);

    [LoggerMessage(5, LogLevel.Warning, "A timer callback of {GrainId} failed")]
    public static partial void TimerFailed(this ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "A timer tick of {GrainId} was skipped: the mailbox is full")]
    public static partial void TimerTickSkipped(this ILogger logger, GrainId grainId);

    [LoggerMessage(7, LogLevel.Warning, "{GrainId} wrote stale state (version {Version}); the activation is deactivated without further writes")]
    public static partial void StaleActivation(this ILogger logger, GrainId grainId, long version);

    [LoggerMessage(8, LogLevel.Warning, "Fenced: dropped {Count} activations without deactivating them")]
    public static partial void Fenced(this ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Warning, "Shutdown deactivation timed out after {Timeout}; {Count} activations are dropped without writing")]
    public static partial void ShutdownTimedOut(this ILogger logger, TimeSpan timeout, int count);

    [LoggerMessage(10, LogLevel.Error, "Unexpected failure in the runtime of {GrainId}; the activation is dropped")]
    public static partial void UnexpectedFailure(this ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(11, LogLevel.Error, "The idle sweep failed")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Warning, "An activation observer failed for {GrainId}")]
    public static partial void ObserverFailed(this ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(13, LogLevel.Information, "Grain runtime stopped; {Count} activations deactivated")]
    public static partial void Stopped(this ILogger logger, int count);
}
