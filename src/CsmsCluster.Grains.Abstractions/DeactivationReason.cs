namespace CsmsCluster.Grains;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>No call for longer than the idle age.</summary>
    Idle,

    /// <summary>The grain asked for it (<see cref="Grain.DeactivateOnIdle"/>).</summary>
    Requested,

    /// <summary>The silo is shutting down gracefully; state may still be written.</summary>
    ShuttingDown,

    /// <summary>A state write found a newer version: the activation is stale and must not write again.</summary>
    InconsistentState,

    /// <summary>The silo lost its lease or was declared dead: the activation is dropped without writing.</summary>
    Fenced,

    /// <summary>A membership change placed the grain on another silo; state may still be written before it moves.</summary>
    Moved,
}
