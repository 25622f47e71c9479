namespace CsmsCluster.Grains;

/// <summary>The runtime's side of one activation, as seen by the grain's code.</summary>
public interface IGrainContext
{
    /// <summary>The identity of the activated grain.</summary>
    GrainId GrainId { get; }

    /// <summary>A factory for references to other grains; calls through it carry this grain's call chain.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>The runtime's time source.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>
    /// Registers a timer whose callback runs as a turn of this activation: never in parallel with a call or with
    /// itself; the next period starts after the callback completes. Disposed with the activation.
    /// </summary>
    IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period);

    /// <summary>Deactivates this activation once the current turn ends.</summary>
    void DeactivateOnIdle();

    /// <summary>
    /// Keeps the activation from idle deactivation for at least <paramref name="period"/> from now, as Orleans'
    /// <c>DelayDeactivation</c>: for a grain whose timers must keep running while no calls arrive.
    /// </summary>
    /// <param name="period">How long to stay active.</param>
    void DelayDeactivation(TimeSpan period);

    /// <summary>Claims the stored state (see <see cref="IGrainStorage.ClaimAsync"/>) and deserialises it.</summary>
    /// <returns>The stored state, or null if none was written.</returns>
    Task<TState?> ClaimStateAsync<TState>(CancellationToken cancellationToken)
        where TState : class;

    /// <summary>Serialises and writes the state with version fencing.</summary>
    /// <exception cref="InconsistentStateException">Another activation owns the state now.</exception>
    Task WriteStateAsync<TState>(TState state, CancellationToken cancellationToken)
        where TState : class;

    /// <summary>Clears the stored state with version fencing.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken);
}
