namespace CsmsCluster.Grains;

/// <summary>
/// The ambient context of the grain turn running now: the call's deadline and cancellation. Grain code reads
/// <see cref="Current"/>, or declares a trailing <see cref="System.Threading.CancellationToken"/> parameter that the
/// runtime fills with the same token. Calls made from a turn inherit its deadline and call chain.
/// </summary>
public sealed class GrainCallContext
{
    private static readonly AsyncLocal<GrainCallContext?> CurrentContext = new();

    internal GrainCallContext(GrainId grainId, DateTimeOffset deadline, CancellationToken cancellationToken, GrainCallChain? chain)
    {
        GrainId = grainId;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        Chain = chain;
    }

    /// <summary>The context of the current turn, or null outside grain code.</summary>
    public static GrainCallContext? Current
    {
        get => CurrentContext.Value;
        internal set => CurrentContext.Value = value;
    }

    /// <summary>The grain whose turn this is.</summary>
    public GrainId GrainId { get; }

    /// <summary>
    /// When the caller stops waiting (UTC). Timer turns, which no caller waits on, have
    /// <see cref="DateTimeOffset.MaxValue"/>; activation and deactivation turns have
    /// <see cref="GrainRuntimeOptions.DefaultCallTimeout"/> from their start.
    /// </summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Cancelled when the deadline passes, the caller cancels, or (for a timer) the timer is disposed.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The call chain that calls made from this turn carry.</summary>
    internal GrainCallChain? Chain { get; }
}
