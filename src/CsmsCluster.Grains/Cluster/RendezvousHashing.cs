namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Rendezvous (highest random weight) hashing: a grain belongs to the silo with the highest
/// <see cref="Weight"/> of (grain hash, silo hash). When a silo joins or leaves, only the grains it wins or held
/// move (about 1/N). Built only on <see cref="StableHashing"/>, so every process computes the same owners.
/// </summary>
public static class RendezvousHashing
{
    /// <summary>The stable hash of a silo id.</summary>
    public static ulong SiloHash(string siloId) => StableHashing.Hash(siloId);

    /// <summary>The weight of a (grain, silo) pair: SplitMix64 of the XOR of both stable hashes.</summary>
    public static ulong Weight(ulong grainHash, ulong siloHash) => StableHashing.Mix(grainHash ^ siloHash);

    /// <summary>The owner of <paramref name="grainId"/> among <paramref name="siloIds"/>, or null when there are none.
    /// Equal weights (practically never) go to the ordinally smaller id.</summary>
    public static string? Owner(GrainId grainId, IReadOnlyList<string> siloIds)
    {
        ArgumentNullException.ThrowIfNull(siloIds);
        var ids = siloIds.ToArray();
        var index = OwnerIndex(grainId.StableHash, ids, [.. ids.Select(SiloHash)]);
        return index < 0 ? null : ids[index];
    }

    /// <summary>The index of the owner in <paramref name="siloIds"/> (with their precomputed hashes), or -1.</summary>
    internal static int OwnerIndex(ulong grainHash, string[] siloIds, ulong[] siloHashes)
    {
        var best = -1;
        var bestWeight = 0UL;
        for (var i = 0; i < siloIds.Length; i++)
        {
            var weight = Weight(grainHash, siloHashes[i]);
            if (best < 0 || weight > bestWeight || (weight == bestWeight && string.CompareOrdinal(siloIds[i], siloIds[best]) < 0))
            {
                (best, bestWeight) = (i, weight);
            }
        }

        return best;
    }
}
