namespace CsmsCluster.Grains;

/// <summary>Whether this silo may create an activation of a grain now.</summary>
public enum ActivationPermission
{
    /// <summary>This silo owns the grain in a settled view: activate.</summary>
    Allowed,

    /// <summary>This silo owns the grain, but the view is not settled yet (a peer may still place it by an older view): wait.</summary>
    NotYet,

    /// <summary>Another silo owns the grain: refuse (the caller routes again).</summary>
    NotOwner,
}

/// <summary>
/// Asked by the activation directory before it creates an activation. Not registered in a single silo (every grain
/// may activate); the cluster registers its placement, which allows an activation only in a settled view it owns.
/// </summary>
public interface IActivationGate
{
    /// <summary>May this silo create an activation of <paramref name="grainId"/> now?</summary>
    ActivationPermission Check(GrainId grainId);

    /// <summary>The cluster version of the view the answer was based on (0 without one), for "not the owner" answers.</summary>
    long ViewVersion { get; }

    /// <summary>
    /// Completes when the gate's view next changes (a new version, or the same one now settled). Read it before
    /// <see cref="Check"/>: a change in between then completes it at once, so a waiter never misses it.
    /// </summary>
    Task NextView { get; }
}
