namespace CsmsCluster.Grains;

/// <summary>Single-silo placement: every grain is local.</summary>
public sealed class LocalGrainPlacement : IGrainPlacement
{
    /// <inheritdoc />
    public bool IsLocal(GrainId grainId) => true;
}
