using CsmsCluster.Grains.Metadata;
using CsmsCluster.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace CsmsCluster.Grains.Activations;

/// <summary>
/// One activation: a grain instance, its bounded mailbox and its exclusive scheduler. A drain loop, started on the
/// scheduler when work arrives, runs the activation turn first, then each non-interleaved item to completion
/// before the next; [AlwaysInterleave] calls start at once but their continuations share the scheduler, so grain
/// code never runs in parallel (G3). Deactivation is the last turn; then the activation leaves the directory and
/// only then can a fresh one start (never two live activations of one grain in a silo).
/// </summary>
internal sealed class GrainActivation
{
    private readonly Lock _lock = new();
    private readonly Queue<WorkItem> _queue = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskScheduler _scheduler = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
    private readonly ActivationServices _services;
    private readonly ActivationDirectory _directory;
    private readonly GrainClassMetadata _class;
    private readonly GrainContext _context;
    private ActivationPhase _phase;
    private bool _draining;
    private DeactivationReason? _requested;
    private int _runningInterleaved;
    private TaskCompletionSource? _interleavedDone;
    private long _lastCallTimestamp;
    private DateTimeOffset _keepAliveUntil = DateTimeOffset.MinValue;
    private IGrainLifecycle? _grain;
    private DateTimeOffset? _startedAt;

    public GrainActivation(GrainId grainId, GrainClassMetadata grainClass, ActivationServices services, ActivationDirectory directory)
    {
        GrainId = grainId;
        _class = grainClass;
        _services = services;
        _directory = directory;
        _context = new GrainContext(this, services);
        _lastCallTimestamp = services.TimeProvider.GetTimestamp();
    }

    public GrainId GrainId { get; }

    public Guid ActivationId { get; } = Guid.NewGuid();

    /// <summary>Completes once the activation has left the directory.</summary>
    public Task Completion => _completion.Task;

    internal ILogger Logger => _services.Logger;

    /// <summary>The grain instance; set before any call runs.</summary>
    internal object Instance => _grain!;

    /// <summary>True once deactivation was requested or began (for tests and the idle sweep).</summary>
    internal bool IsDeactivating
    {
        get
        {
            lock (_lock)
            {
                return _phase >= ActivationPhase.Deactivating || _requested is not null;
            }
        }
    }

    /// <summary>Offers work. Fast path: a lock, a queue push, and a scheduler post only when the drain is idle.</summary>
    public EnqueueResult Enqueue(WorkItem item)
    {
        bool runInterleaved;
        var startDrain = false;
        lock (_lock)
        {
            if (_phase >= ActivationPhase.Deactivating || _requested is { } requested && requested != DeactivationReason.Idle)
            {
                return EnqueueResult.Deactivating;
            }

            if (_queue.Count + _runningInterleaved >= _services.Options.MailboxCapacity)
            {
                return EnqueueResult.Overloaded;
            }

            if (item.IsCall)
            {
                _requested = null; // A call arrived: the grain is no longer idle.
                _lastCallTimestamp = _services.TimeProvider.GetTimestamp();
            }

            runInterleaved = item.IsInterleaved && _phase == ActivationPhase.Active;
            if (runInterleaved)
            {
                _runningInterleaved++;
            }
            else
            {
                _queue.Enqueue(item);
                startDrain = !_draining;
                _draining = true;
            }
        }

        if (runInterleaved)
        {
            TurnScheduling.Start(_scheduler, () => RunInterleavedAsync(item));
        }
        else if (startDrain)
        {
            StartDrain();
        }

        return EnqueueResult.Accepted;
    }

    /// <summary>Deactivates after the current turn. A stronger reason replaces a weaker pending one.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_phase >= ActivationPhase.Deactivating)
            {
                return;
            }

            if (_requested is null || TurnScheduling.Rank(reason) > TurnScheduling.Rank(_requested.Value))
            {
                _requested = reason;
            }

            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        StartDrain();
    }

    /// <summary>Keeps the activation from idle deactivation until <paramref name="period"/> from now.</summary>
    public void DelayDeactivation(TimeSpan period)
    {
        var until = _services.TimeProvider.GetUtcNow() + period;
        lock (_lock)
        {
            _keepAliveUntil = until > _keepAliveUntil ? until : _keepAliveUntil;
        }
    }

    /// <summary>Requests idle deactivation when nothing is queued or running and no call came for <paramref name="age"/>.</summary>
    public bool TryDeactivateIfIdle(long nowTimestamp, TimeSpan age)
    {
        lock (_lock)
        {
            if (_phase != ActivationPhase.Active || _draining || _requested is not null || _runningInterleaved > 0
                || _services.TimeProvider.GetElapsedTime(_lastCallTimestamp, nowTimestamp) < age
                || _services.TimeProvider.GetUtcNow() < _keepAliveUntil)
            {
                return false;
            }

            _requested = DeactivationReason.Idle;
            _draining = true;
        }

        StartDrain();
        return true;
    }

    /// <summary>Drops the activation now without running OnDeactivateAsync; it can never write again.</summary>
    public void Fence()
    {
        _context.State.Fence();
        Finish(DeactivationReason.Fenced, () => new GrainUnavailableException($"{GrainId} was fenced: this silo no longer hosts grains."));
    }

    private void StartDrain() => TurnScheduling.Start(_scheduler, DrainAsync);

    private async Task DrainAsync()
    {
        try
        {
            if (_phase == ActivationPhase.Created && !await ActivateAsync())
            {
                return;
            }

            while (true)
            {
                WorkItem? item;
                DeactivationReason? reason = null;
                lock (_lock)
                {
                    if (_phase == ActivationPhase.Deactivated)
                    {
                        _draining = false;
                        return;
                    }

                    if (_requested is { } requested)
                    {
                        _phase = ActivationPhase.Deactivating;
                        reason = requested;
                        item = null;
                    }
                    else if (!_queue.TryDequeue(out item))
                    {
                        _draining = false;
                        return;
                    }
                    else if (item.IsInterleaved)
                    {
                        _runningInterleaved++;
                    }
                }

                if (reason is { } deactivationReason)
                {
                    await DeactivateAsync(deactivationReason);
                    return;
                }

                if (item!.IsInterleaved)
                {
                    _ = RunInterleavedAsync(item); // Never throws; deactivation waits for it through the counter.
                }
                else
                {
                    await item.RunAsync(this);
                }
            }
        }
        catch (Exception exception)
        {
            _services.Logger.UnexpectedFailure(GrainId, exception);
            _context.State.Fence();
            Finish(DeactivationReason.Fenced, () => new GrainUnavailableException($"{GrainId} failed unexpectedly.", exception));
        }
    }

    private async Task RunInterleavedAsync(WorkItem item)
    {
        try
        {
            await item.RunAsync(this);
        }
        finally
        {
            TaskCompletionSource? done = null;
            lock (_lock)
            {
                if (--_runningInterleaved == 0)
                {
                    done = _interleavedDone;
                }
            }

            done?.TrySetResult();
        }
    }

    private async Task<bool> ActivateAsync()
    {
        GrainCallChain? firstChain;
        DeactivationReason? requested;
        DateTimeOffset startedAt;
        lock (_lock)
        {
            if (_phase != ActivationPhase.Created)
            {
                return false;
            }

            requested = _requested;
            firstChain = _queue.TryPeek(out var first) ? first.Chain : null;
            _phase = requested is null ? ActivationPhase.Activating : ActivationPhase.Deactivating;
            startedAt = _services.TimeProvider.GetUtcNow();
            if (requested is null)
            {
                _startedAt = startedAt;
            }
        }

        if (requested is not null)
        {
            // Asked to deactivate (shutdown) before it ever ran: skip activating; queued calls move on.
            Finish(requested, leftoverError: null);
            return false;
        }

        _services.Telemetry.Activations.Add(1);
        _services.NotifyStarted(GrainId, ActivationId, startedAt);
        try
        {
            _grain = await GrainLifecycleTurns.ActivateAsync(_class, _context, _services, firstChain, startedAt);
        }
        catch (Exception exception)
        {
            _services.Logger.ActivationFailed(GrainId, exception);
            _services.Telemetry.ActivationFailures.Add(1);
            Finish(reason: null, () => new GrainUnavailableException($"Activation of {GrainId} failed: {exception.Message}", exception));
            return false;
        }

        lock (_lock)
        {
            if (_phase != ActivationPhase.Activating)
            {
                return false; // Fenced while activating.
            }

            _phase = ActivationPhase.Active;
        }

        _services.Logger.Activated(GrainId, ActivationId);
        return true;
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        Task? interleaved = null;
        lock (_lock)
        {
            if (_runningInterleaved > 0)
            {
                _interleavedDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                interleaved = _interleavedDone.Task;
            }
        }

        if (interleaved is not null)
        {
            await interleaved;
        }

        _context.Timers.DisposeAll();
        if (reason is not (DeactivationReason.Fenced or DeactivationReason.InconsistentState) && !_context.State.IsStale)
        {
            await GrainLifecycleTurns.DeactivateAsync(_grain!, GrainId, reason, _services);
        }

        Finish(_context.State.IsStale ? DeactivationReason.InconsistentState : reason, leftoverError: null);
    }

    /// <summary>
    /// Ends the activation exactly once: no turn starts after this. Queued calls either fail with
    /// <paramref name="leftoverError"/> or, when it is null, are offered to a fresh activation.
    /// </summary>
    private void Finish(DeactivationReason? reason, Func<Exception>? leftoverError)
    {
        WorkItem[] leftovers;
        DateTimeOffset? started;
        lock (_lock)
        {
            if (_phase == ActivationPhase.Deactivated)
            {
                return;
            }

            _phase = ActivationPhase.Deactivated;
            started = _startedAt;
            leftovers = [.. _queue];
            _queue.Clear();
        }

        _context.Timers.DisposeAll();
        if (started is { } startedAt)
        {
            // Before leaving the directory, so an observer always sees this end before a successor's start.
            _services.ReportEnded(GrainId, ActivationId, startedAt, reason);
        }

        _directory.Remove(this);
        _completion.TrySetResult();
        foreach (var item in leftovers)
        {
            if (leftoverError is not null)
            {
                item.Fail(leftoverError());
            }
            else if (item.IsCall)
            {
                _directory.Deliver(item);
            }
        }
    }
}
