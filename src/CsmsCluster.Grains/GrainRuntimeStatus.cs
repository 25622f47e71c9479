namespace CsmsCluster.Grains;

/// <summary>Whether the runtime of this silo accepts calls.</summary>
public enum GrainRuntimeStatus
{
    /// <summary>Calls are accepted and activations are created on demand.</summary>
    Running,

    /// <summary>Graceful shutdown: live activations still take calls, but no new activation starts.</summary>
    ShuttingDown,

    /// <summary>Stopped or fenced: every call fails with <see cref="GrainUnavailableException"/>.</summary>
    Stopped,
}
