namespace CsmsCluster.Grains;

/// <summary>
/// Optional observer of activation lifetimes, registered in DI (any number). Meant for tests and diagnostics, e.g.
/// an activation log that proves two activations of one grain never overlap. Called synchronously: keep it cheap.
/// </summary>
public interface IActivationObserver
{
    /// <summary>An activation began (before it claims state and runs <see cref="Grain.OnActivateAsync"/>).</summary>
    void OnActivationStarted(GrainId grainId, Guid activationId, DateTimeOffset startedAt);

    /// <summary>An activation ended and was removed; no turn of it starts after this.</summary>
    /// <param name="grainId">The grain.</param>
    /// <param name="activationId">The activation, as passed to <see cref="OnActivationStarted"/>.</param>
    /// <param name="startedAt">When it started.</param>
    /// <param name="endedAt">When it was removed.</param>
    /// <param name="reason">Why it ended; null when its activation failed.</param>
    void OnActivationEnded(GrainId grainId, Guid activationId, DateTimeOffset startedAt, DateTimeOffset endedAt, DeactivationReason? reason);
}
