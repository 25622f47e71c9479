using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CsmsCluster.Grains.Cluster;

/// <summary>
/// This silo's membership agent. <see cref="StartAsync"/> joins (declaring silos with expired leases dead first, so
/// a full crash never blocks a restart; then Joining, then Active, each a compare-and-swap), then heartbeats every
/// <see cref="ClusterMembershipOptions.HeartbeatInterval"/> and, every <see cref="ClusterMembershipOptions.ProbeInterval"/>,
/// reads the view, declares expired silos dead, probes its ring successors and votes. The adopted view is published
/// to observers (placement) and then acknowledged in the silo row. When the lease runs out on this silo's own clock,
/// or a heartbeat finds the silo Dead, it fences the runtime (<see cref="ISiloFence"/>) and stops for good.
/// </summary>
public sealed class SiloMembershipAgent : IObservable<MembershipView>, IAsyncDisposable
{
    private const int MaxCompareAndSwapAttempts = 20;

    private readonly IMembershipStore _store;
    private readonly ISiloFence _fence;
    private readonly ClusterMetrics? _metrics;
    private readonly ClusterMembershipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SiloRegistration _registration;
    private readonly MembershipViewSubject _views;
    private readonly PeerProber _prober;
    private readonly SiloLease _lease;
    private readonly RoundSchedule _rounds;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _fenced = new();
    private readonly List<Func<MembershipView, CancellationToken, Task>> _beforeAcknowledge = [];
    private Task[] _loops = [];
    private long _acknowledged;
    private long _lastCleanup;
    private int _state = (int)SiloAgentState.Created;

    /// <summary>Creates the agent; nothing happens until <see cref="StartAsync"/>.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public SiloMembershipAgent(
        IMembershipStore store,
        ISiloProbe probe,
        ISiloFence fence,
        IOptions<ClusterMembershipOptions> options,
        TimeProvider timeProvider,
        ILogger<SiloMembershipAgent> logger,
        ClusterMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var validation = new ClusterMembershipOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(ClusterMembershipOptions.SectionName, typeof(ClusterMembershipOptions), validation.Failures);
        }

        _store = store;
        _fence = fence;
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
        var siloId = _options.SiloId ?? $"{Environment.MachineName.ToLowerInvariant()}-{Guid.NewGuid():N}";
        _registration = new SiloRegistration(siloId, _options.Address ?? Environment.MachineName, _options.InternalPort, _options.Role);
        _views = new MembershipViewSubject(logger);
        _prober = new PeerProber(probe, _options, timeProvider, siloId);
        _rounds = new RoundSchedule(_options, timeProvider, siloId);
        _lease = new SiloLease(timeProvider, _options.LeaseDuration, () => Fence("the lease ran out before a heartbeat renewed it"));
    }

    /// <summary>This silo's id in the membership table.</summary>
    public string SiloId => _registration.SiloId;

    /// <summary>Where the agent is in its life.</summary>
    public SiloAgentState State => (SiloAgentState)Volatile.Read(ref _state);

    /// <summary>The adopted view, or null before joining and after leaving or fencing.</summary>
    public MembershipView? Current => _views.Current;

    /// <summary>Cancelled when this silo fences itself; a host stops the process on it.</summary>
    public CancellationToken Fenced => _fenced.Token;

    /// <inheritdoc />
    public IDisposable Subscribe(IObserver<MembershipView> observer) => _views.Subscribe(observer);

    /// <summary>
    /// Adds work that runs after a new view is published and before it is acknowledged (e.g. deactivating grains this
    /// silo no longer owns), so a peer waiting for the acknowledgement knows that work is done. Add before starting.
    /// </summary>
    public void BeforeAcknowledge(Func<MembershipView, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _beforeAcknowledge.Add(handler);
    }

    /// <summary>Records the internal port peers reach this silo on (known once the transport listens). Before starting.</summary>
    public void UsePort(int port)
    {
        if (State != SiloAgentState.Created)
        {
            throw new InvalidOperationException("The port must be set before the membership agent starts.");
        }

        _registration = _registration with { Port = port };
    }

    /// <summary>Reads the membership table now instead of at the next round (e.g. a peer answered with a newer view).</summary>
    public Task RefreshNowAsync(CancellationToken cancellationToken) =>
        State is SiloAgentState.Active or SiloAgentState.ShuttingDown ? RefreshAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Joins the cluster, adopts the first view, and starts the heartbeat and probe loops.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, (int)SiloAgentState.Joining, (int)SiloAgentState.Created) != (int)SiloAgentState.Created)
        {
            throw new InvalidOperationException("The membership agent was already started.");
        }

        await JoinAsync(cancellationToken);
        Interlocked.CompareExchange(ref _state, (int)SiloAgentState.Active, (int)SiloAgentState.Joining);
        // One heartbeat now, before the node takes load: it opens the heartbeat connection and compiles its path while
        // the core is quiet. Done first under a connect storm, that took the heartbeat thread longer than the lease.
        try
        {
            Heartbeat();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.HeartbeatFailed(SiloId, exception); // the heartbeat thread tries again in an interval
        }
        await RefreshAsync(cancellationToken);
        _lastCleanup = _time.GetTimestamp();
        _loops =
        [
            HeartbeatThread.Start(Heartbeat, _lease, _options.HeartbeatInterval, _time, _stopping.Token, exception =>
            {
                _logger.HeartbeatFailed(SiloId, exception);
                _metrics?.HeartbeatFailed();
            }),
            RunRoundsAsync(),
        ];
    }

    /// <summary>
    /// Leaves gracefully: ShuttingDown (placement moves this silo's grains away), then <paramref name="drain"/>
    /// (deactivate grains, write state) while heartbeats keep the lease, then Dead without waiting for the lease.
    /// </summary>
    public async Task LeaveAsync(Func<CancellationToken, Task>? drain, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, (int)SiloAgentState.ShuttingDown, (int)SiloAgentState.Active) != (int)SiloAgentState.Active)
        {
            return;
        }

        await ChangeOwnStatusAsync(SiloStatus.Active, SiloStatus.ShuttingDown, cancellationToken);
        await RefreshAsync(cancellationToken);
        if (drain is not null)
        {
            await drain(cancellationToken);
        }

        await ChangeOwnStatusAsync(SiloStatus.ShuttingDown, SiloStatus.Dead, cancellationToken);
        if (Interlocked.CompareExchange(ref _state, (int)SiloAgentState.Left, (int)SiloAgentState.ShuttingDown) == (int)SiloAgentState.ShuttingDown)
        {
            _lease.Dispose();
            await StopLoopsAsync();
            _views.Complete();
            _logger.Left(SiloId);
        }
    }

    /// <summary>Stops the loops without leaving (the row stays until its lease expires).</summary>
    public async ValueTask DisposeAsync()
    {
        _lease.Dispose();
        await StopLoopsAsync();
        _stopping.Dispose();
        _gate.Dispose();
    }

    /// <summary>Renews the heartbeat once (blocking); fences when the table says this silo is Dead or gone.</summary>
    internal void Heartbeat()
    {
        var sent = _time.GetTimestamp();
        var status = _store.Heartbeat(SiloId);
        var took = _time.GetElapsedTime(sent);
        if (took > _options.HeartbeatInterval)
        {
            _logger.HeartbeatSlow(SiloId, took.TotalMilliseconds);
        }

        if (status is null or SiloStatus.Dead)
        {
            Fence("a heartbeat found this silo declared dead");
            return;
        }

        _lease.Renewed(sent);
    }

    /// <summary>Reads the table, declares silos with expired leases dead, adopts and acknowledges the view.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One probe round: refresh, probe the ring successors, vote for and try to declare dead the silent ones.</summary>
    internal async Task ProbeRoundAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshCoreAsync(cancellationToken);
            if (_views.Current is not { } view || State != SiloAgentState.Active)
            {
                return;
            }

            var declared = false;
            foreach (var (suspect, misses) in await _prober.ProbeAsync(view, cancellationToken))
            {
                if (await _store.VoteAsync(suspect.SiloId, SiloId, cancellationToken))
                {
                    _logger.Voted(suspect.SiloId, misses);
                }

                declared |= await TryDeclareDeadAsync(suspect.SiloId, view.Version, "a quorum of votes", cancellationToken)
                    is DeathDeclarationResult.Declared;
            }

            if (declared)
            {
                await RefreshCoreAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task JoinAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _store.ReadAsync(cancellationToken);
            if (snapshot.Find(SiloId) is not null)
            {
                throw new InvalidOperationException($"Silo id '{SiloId}' is already in the membership table; ids are never reused.");
            }

            if (await DeclareExpiredDeadAsync(snapshot, cancellationToken))
            {
                continue; // the version moved; read again
            }

            var sent = _time.GetTimestamp();
            if (await _store.TryInsertJoiningAsync(_registration, snapshot.Version, cancellationToken))
            {
                _lease.Renewed(sent);
                break;
            }

            ThrowIfExhausted(attempt, "insert this silo as Joining");
        }

        var version = await ChangeOwnStatusAsync(SiloStatus.Joining, SiloStatus.Active, cancellationToken);
        _logger.Joined(SiloId, version);
    }

    private async Task<long> ChangeOwnStatusAsync(SiloStatus from, SiloStatus to, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _store.ReadAsync(cancellationToken);
            if (snapshot.Find(SiloId)?.Status is not { } status || status == SiloStatus.Dead && to != SiloStatus.Dead)
            {
                Fence($"this silo was declared dead while moving from {from} to {to}");
                throw new InvalidOperationException($"Silo {SiloId} was declared dead before it could become {to}.");
            }

            if (status == to || await _store.TryChangeStatusAsync(SiloId, from, to, snapshot.Version, cancellationToken))
            {
                return snapshot.Version + 1;
            }

            ThrowIfExhausted(attempt, $"move this silo from {from} to {to}");
        }
    }

    private async Task RefreshCoreAsync(CancellationToken cancellationToken)
    {
        MembershipSnapshot snapshot;
        var attempt = 0;
        do
        {
            snapshot = await _store.ReadAsync(cancellationToken);
        }
        while (await DeclareExpiredDeadAsync(snapshot, cancellationToken) && ++attempt < MaxCompareAndSwapAttempts);

        var self = snapshot.Find(SiloId);
        if (self is null || self.Status == SiloStatus.Dead)
        {
            if (State is not SiloAgentState.Left and not SiloAgentState.ShuttingDown)
            {
                Fence("the membership table says this silo is dead");
            }

            return;
        }

        var active = snapshot.Silos.Where(s => s.Status == SiloStatus.Active && s.HeartbeatAge <= _options.LeaseExpiry).ToList();
        var settled = active.All(s => s.SiloId == SiloId || !ClusterRoles.HostsGrains(s.Role) || s.AcknowledgedVersion >= snapshot.Version);
        var view = new MembershipView(snapshot.Version, active, settled);
        _rounds.Schedule(snapshot, settled);
        if (!view.SameAs(_views.Current) && !_fenced.IsCancellationRequested)
        {
            // Observers adopt the view before the acknowledgement is written: a peer that waits for this silo's
            // acknowledgement can rely on this silo no longer placing grains by the older view.
            _views.Publish(view);
            _logger.ViewAdopted(view.Version, active.Count, settled);
            foreach (var handler in _beforeAcknowledge)
            {
                await handler(view, cancellationToken);
            }
        }

        if (snapshot.Version > _acknowledged)
        {
            await _store.AcknowledgeAsync(SiloId, snapshot.Version, cancellationToken);
            _acknowledged = snapshot.Version;
        }
    }

    // Declares every other silo whose lease expired (database clock) dead; true when the version moved.
    private async Task<bool> DeclareExpiredDeadAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken)
    {
        foreach (var silo in snapshot.Silos)
        {
            if (silo.SiloId != SiloId && silo.Status != SiloStatus.Dead && silo.HeartbeatAge > _options.LeaseExpiry)
            {
                var result = await TryDeclareDeadAsync(silo.SiloId, snapshot.Version, "lease expired", cancellationToken);
                if (result is DeathDeclarationResult.Declared or DeathDeclarationResult.VersionConflict)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private async Task<DeathDeclarationResult> TryDeclareDeadAsync(string suspectId, long version, string evidence, CancellationToken cancellationToken)
    {
        var result = await _store.TryDeclareDeadAsync(suspectId, _options.DeathRule, version, cancellationToken);
        if (result == DeathDeclarationResult.Declared)
        {
            _logger.DeclaredDead(suspectId, evidence);
            _metrics?.DeclaredDead(evidence == "lease expired" ? "lease" : "votes");
        }

        return result;
    }

    private void Fence(string reason)
    {
        while (true)
        {
            var previous = Volatile.Read(ref _state);
            if ((SiloAgentState)previous is SiloAgentState.Fenced or SiloAgentState.Left)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, (int)SiloAgentState.Fenced, previous) == previous)
            {
                break;
            }
        }

        _logger.Fenced(SiloId, reason);
        _metrics?.Fenced();
        _fence.Fence(reason);
        _lease.Dispose();
        _views.Complete();
        _fenced.Cancel();
        _stopping.Cancel();
    }

    // A probe round every ProbeInterval; in between, the extra refreshes RoundSchedule asks for.
    private async Task RunRoundsAsync()
    {
        var token = _stopping.Token;
        var lastProbe = _time.GetTimestamp();
        try
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                var wait = _rounds.UntilNextRound(lastProbe);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, token);
                }

                try
                {
                    if (_time.GetElapsedTime(lastProbe) < _options.ProbeInterval)
                    {
                        _rounds.ClearExtraRefresh(); // the refresh schedules the next one
                        await RefreshAsync(token);
                        continue;
                    }

                    lastProbe = _time.GetTimestamp();
                    await ProbeRoundAsync(token);
                    if (_time.GetElapsedTime(_lastCleanup) >= _options.CleanupInterval)
                    {
                        _lastCleanup = _time.GetTimestamp();
                        var removed = await _store.RemoveDeadAsync(_options.DeadRetention, token);
                        if (removed > 0)
                        {
                            _logger.RemovedDead(removed);
                        }
                    }
                }
                catch (Exception exception) when (!token.IsCancellationRequested)
                {
                    _logger.RoundFailed(exception);
                }
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // Stopping: a round cut short by the stop is not a failure.
        }
    }

    private async Task StopLoopsAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Task.WhenAll(_loops);
    }

    private static void ThrowIfExhausted(int attempt, string what)
    {
        if (attempt >= MaxCompareAndSwapAttempts)
        {
            throw new InvalidOperationException($"Could not {what}: the membership version kept changing ({attempt} attempts).");
        }
    }
}
