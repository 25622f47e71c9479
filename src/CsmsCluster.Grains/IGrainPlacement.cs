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

    /// <summary>
    /// Called when a call could not be delivered where placement sent it (the receiver answered "not the owner" with
    /// view <paramref name="seenVersion"/>, or could not be reached): bring the view up to date before routing again.
    /// </summary>
    Task RefreshAsync(long seenVersion, CancellationToken cancellationToken) => Task.CompletedTask;
}
