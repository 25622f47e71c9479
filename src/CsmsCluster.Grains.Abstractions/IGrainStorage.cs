namespace CsmsCluster.Grains;

/// <summary>
/// Durable grain state with version fencing (G2). One row per grain; every write names the version it read and
/// fails when the row has moved on, so a stale activation can never overwrite a newer one.
/// </summary>
public interface IGrainStorage
{
    /// <summary>
    /// Claims the state for a new activation: creates the row if missing and bumps its version, which invalidates
    /// the version held by any older (zombie) activation before the new one writes.
    /// </summary>
    Task<GrainStateRecord> ClaimAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="payload"/> if the stored version equals <paramref name="expectedVersion"/>.</summary>
    /// <returns>The new version.</returns>
    /// <exception cref="InconsistentStateException">The stored version differs (another activation wrote or claimed).</exception>
    Task<long> WriteAsync(GrainId grainId, ReadOnlyMemory<byte> payload, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Clears the state (payload becomes absent) if the stored version equals <paramref name="expectedVersion"/>.</summary>
    /// <returns>The new version.</returns>
    /// <exception cref="InconsistentStateException">The stored version differs.</exception>
    Task<long> ClearAsync(GrainId grainId, long expectedVersion, CancellationToken cancellationToken);
}
