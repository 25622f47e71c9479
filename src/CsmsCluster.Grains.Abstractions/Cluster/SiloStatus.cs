namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// A silo's membership status. It only moves forward (Joining → Active → ShuttingDown → Dead, steps may be
/// skipped towards Dead) and every change is a compare-and-swap on the cluster version.
/// </summary>
public enum SiloStatus
{
    /// <summary>Inserted, not yet part of the view used for placement.</summary>
    Joining = 0,

    /// <summary>Part of the view: owns grains by placement while its lease is fresh.</summary>
    Active = 1,

    /// <summary>Leaving gracefully: no longer owns grains; deactivates its activations, then becomes Dead.</summary>
    ShuttingDown = 2,

    /// <summary>Gone for good. A silo that finds itself Dead fences itself; its id is never reused.</summary>
    Dead = 3,
}
