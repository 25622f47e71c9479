namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// Cluster placement: a grain is local when this silo wins the rendezvous hash over the grain hosts of the view
/// this silo has adopted and acknowledged. Subscribe it to the <see cref="SiloMembershipAgent"/>. Before the first
/// view, and after the agent completes (left or fenced), no grain is local. As the <see cref="IActivationGate"/> it
/// allows a new activation only in a settled view that places the grain here.
/// </summary>
/// <param name="localSiloId">This silo's id (<see cref="SiloMembershipAgent.SiloId"/>).</param>
public sealed class RendezvousPlacement(string localSiloId) : IGrainPlacement, IActivationGate, IObserver<MembershipView>
{
    private static readonly TimeSpan MinimumRefreshSpacing = TimeSpan.FromMilliseconds(50);
    private readonly Lock _refreshLock = new();
    private volatile Candidates? _candidates;
    private volatile bool _ended;
    private Func<CancellationToken, Task>? _refresh;
    private Task _lastRefresh = Task.CompletedTask;
    private long _lastRefreshTimestamp;
    private TaskCompletionSource _nextView = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once this node left the cluster or fenced itself: it will never place a call again.</summary>
    public bool HasEnded => _ended;

    /// <summary>
    /// Completes when the next view is adopted (or placement ends). Read it before <see cref="Owner(GrainId)"/> or
    /// <see cref="Check"/>: a view adopted in between then completes it at once, so a waiter never misses the change.
    /// </summary>
    public Task NextView => Volatile.Read(ref _nextView).Task;

    /// <summary>The view placement is computed over, or null.</summary>
    public MembershipView? View => _candidates?.View;

    /// <inheritdoc />
    public bool IsLocal(GrainId grainId) => Owner(grainId)?.SiloId == localSiloId;

    /// <summary>
    /// True when this silo owns <paramref name="grainId"/> and may activate it now: the view is settled (every other
    /// live silo has acknowledged it), so no silo still places the grain by an older view.
    /// </summary>
    public bool CanActivate(GrainId grainId) => _candidates is { View.IsSettled: true } && IsLocal(grainId);

    /// <inheritdoc />
    public long ViewVersion => _candidates?.View.Version ?? 0;

    /// <inheritdoc />
    public ActivationPermission Check(GrainId grainId)
    {
        var candidates = _candidates;
        if (candidates is null || Owner(candidates, grainId)?.SiloId != localSiloId)
        {
            return ActivationPermission.NotOwner;
        }

        return candidates.View.IsSettled ? ActivationPermission.Allowed : ActivationPermission.NotYet;
    }

    /// <summary>The silo that owns <paramref name="grainId"/> in the current view, or null without a view or silos.</summary>
    public SiloEntry? Owner(GrainId grainId) => _candidates is { } candidates ? Owner(candidates, grainId) : null;

    /// <summary>Sets how a stale view is refreshed (the agent's <see cref="SiloMembershipAgent.RefreshNowAsync"/>).</summary>
    public void UseRefresh(Func<CancellationToken, Task> refresh) => _refresh = refresh;

    /// <inheritdoc />
    /// <remarks>Concurrent callers share one refresh, and refreshes are spaced, so a burst of failed calls costs one
    /// read of the membership table rather than one each.</remarks>
    public async Task RefreshAsync(long seenVersion, CancellationToken cancellationToken)
    {
        if (_refresh is not { } refresh || (_candidates is { } current && seenVersion != long.MaxValue && current.View.Version >= seenVersion))
        {
            return;
        }

        Task task;
        lock (_refreshLock)
        {
            if (_lastRefresh.IsCompleted && TimeProvider.System.GetElapsedTime(_lastRefreshTimestamp) >= MinimumRefreshSpacing)
            {
                _lastRefreshTimestamp = TimeProvider.System.GetTimestamp();
                _lastRefresh = refresh(CancellationToken.None);
            }

            task = _lastRefresh;
        }

        try
        {
            await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A failed refresh leaves the view as it was; the membership agent logs its own failures.
        }
    }

    /// <inheritdoc />
    public void OnNext(MembershipView value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _candidates = new Candidates(value);
        AnnounceView();
    }

    /// <inheritdoc />
    public void OnCompleted()
    {
        _ended = true;
        _candidates = null;
        AnnounceView();
    }

    /// <inheritdoc />
    public void OnError(Exception error) => OnCompleted();

    private void AnnounceView() =>
        Interlocked.Exchange(ref _nextView, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    private static SiloEntry? Owner(Candidates candidates, GrainId grainId)
    {
        var index = RendezvousHashing.OwnerIndex(grainId.StableHash, candidates.Ids, candidates.Hashes);
        return index < 0 ? null : candidates.View.Hosts[index];
    }

    private sealed class Candidates(MembershipView view)
    {
        public MembershipView View { get; } = view;

        public string[] Ids { get; } = [.. view.Hosts.Select(s => s.SiloId)];

        public ulong[] Hashes { get; } = [.. view.Hosts.Select(s => RendezvousHashing.SiloHash(s.SiloId))];
    }
}
