namespace CsmsCluster.Grains.Cluster;

/// <summary>The outcome of <see cref="IMembershipStore.TryDeclareDeadAsync"/>.</summary>
public enum DeathDeclarationResult
{
    /// <summary>The silo is now Dead and the cluster version was incremented.</summary>
    Declared,

    /// <summary>Neither an expired lease nor a quorum of fresh votes: the silo stays as it was.</summary>
    NotEnoughEvidence,

    /// <summary>The cluster version was not the expected one; read again and retry.</summary>
    VersionConflict,

    /// <summary>The silo was already Dead.</summary>
    AlreadyDead,

    /// <summary>No such silo.</summary>
    NotFound,
}
