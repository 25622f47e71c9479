namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Cluster placement: a grain is local when this silo wins the rendezvous hash over the Active silos of the view
/// this silo has adopted and acknowledged. Subscribe it to the <see cref="SiloMembershipAgent"/>. Before the first
/// view, and after the agent completes (left or fenced), no grain is local.
/// </summary>
/// <param name="localSiloId">This silo's id (<see cref="SiloMembershipAgent.SiloId"/>).</param>
public sealed class RendezvousPlacement(string localSiloId) : IGrainPlacement, IObserver<MembershipView>
{
    private volatile Candidates? _candidates;

    /// <summary>The view placement is computed over, or null.</summary>
    public MembershipView? View => _candidates?.View;

    /// <inheritdoc />
    public bool IsLocal(GrainId grainId) => Owner(grainId)?.SiloId == localSiloId;

    /// <summary>
    /// True when this silo owns <paramref name="grainId"/> and may activate it now: the view is settled (every other
    /// live silo has acknowledged it), so no silo still places the grain by an older view.
    /// </summary>
    public bool CanActivate(GrainId grainId) => _candidates is { View.IsSettled: true } && IsLocal(grainId);

    /// <summary>The silo that owns <paramref name="grainId"/> in the current view, or null without a view or silos.</summary>
    public SiloEntry? Owner(GrainId grainId)
    {
        var candidates = _candidates;
        if (candidates is null)
        {
            return null;
        }

        var index = RendezvousHashing.OwnerIndex(grainId.StableHash, candidates.Ids, candidates.Hashes);
        return index < 0 ? null : candidates.View.ActiveSilos[index];
    }

    /// <inheritdoc />
    public void OnNext(MembershipView value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _candidates = new Candidates(value);
    }

    /// <inheritdoc />
    public void OnCompleted() => _candidates = null;

    /// <inheritdoc />
    public void OnError(Exception error) => _candidates = null;

    private sealed class Candidates(MembershipView view)
    {
        public MembershipView View { get; } = view;

        public string[] Ids { get; } = [.. view.ActiveSiloIds];

        public ulong[] Hashes { get; } = [.. view.ActiveSiloIds.Select(RendezvousHashing.SiloHash)];
    }
}
