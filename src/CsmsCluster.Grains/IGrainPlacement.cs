namespace CsmsCluster.Grains;

/// <summary>
/// Decides whether a grain is hosted by this silo. The single-silo default says yes for every grain; the cluster
/// replaces it (rendezvous hashing over the acknowledged membership view).
/// </summary>
public interface IGrainPlacement
{
    /// <summary>True when calls to <paramref name="grainId"/> must run in this silo; false routes them through
    /// <see cref="IRemoteGrainCallInvoker"/>.</summary>
    bool IsLocal(GrainId grainId);
}
