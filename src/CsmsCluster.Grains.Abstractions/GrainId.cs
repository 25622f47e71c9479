namespace CsmsCluster.Grains;

/// <summary>Identity of a grain: its type name and key. Its <see cref="StableHash"/> is the same in every process.</summary>
/// <param name="Type">The grain type name (see <see cref="GrainTypeAttribute"/>).</param>
/// <param name="Key">The grain key.</param>
public readonly record struct GrainId(string Type, string Key)
{
    /// <summary>
    /// A 64-bit hash of type and key that never changes across processes or versions (FNV-1a over the UTF-8 bytes of
    /// <c>type/key</c>, finished with a SplitMix64 mixer). Placement depends on it; never use
    /// <see cref="string.GetHashCode()"/>, which is randomised per process.
    /// </summary>
    public ulong StableHash => StableHashing.Hash(Type, Key);

    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
