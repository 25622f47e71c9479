using CsmsCluster.Grains.Telemetry;

namespace CsmsCluster.Grains.Activations;

/// <summary>
/// A grain timer. Each tick is a turn through the mailbox (never beside a call or itself); the next tick is armed
/// only after the callback finished, on the injected <see cref="TimeProvider"/>. It is its own work item: at most
/// one tick is ever queued.
/// </summary>
internal sealed class GrainTimer : WorkItem, IDisposable
{
    private readonly GrainActivation _activation;
    private readonly ActivationTimers _owner;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _cancellation = new();
    private ITimer? _timer;
    private int _disposed;

    public GrainTimer(GrainActivation activation, ActivationTimers owner, Func<CancellationToken, Task> callback, TimeSpan period)
    {
        _activation = activation;
        _owner = owner;
        _callback = callback;
        _period = period;
    }

    public override GrainId Target => _activation.GrainId;

    public override bool IsInterleaved => false;

    public override bool IsCall => false;

    public override CancellationToken CancellationToken => _cancellation.Token;

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Arms the first tick; called inside a turn, so a tick cannot run before <c>_timer</c> is set.</summary>
    public void Start(TimeProvider timeProvider, TimeSpan dueTime) =>
        _timer = timeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, dueTime, Timeout.InfiniteTimeSpan);

    public override async Task RunAsync(GrainActivation activation)
    {
        if (IsDisposed)
        {
            return;
        }

        var chain = new GrainCallChain(activation.GrainId, null);
        GrainCallContext.Current = new GrainCallContext(activation.GrainId, DateTimeOffset.MaxValue, _cancellation.Token, chain);
        try
        {
            await _callback(_cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Disposed while running: not a failure.
        }
        catch (Exception exception)
        {
            activation.Logger.TimerFailed(activation.GrainId, exception);
        }
        finally
        {
            Rearm();
        }
    }

    public override void Fail(Exception exception)
    {
        // A tick that cannot run is simply skipped.
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _timer?.Dispose();
        _cancellation.Cancel();
        _owner.Remove(this);
    }

    private void OnDue()
    {
        if (IsDisposed)
        {
            return;
        }

        if (_activation.Enqueue(this) == EnqueueResult.Overloaded)
        {
            _activation.Logger.TimerTickSkipped(_activation.GrainId);
            Rearm();
        }
    }

    private void Rearm()
    {
        if (IsDisposed || _period == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        try
        {
            _timer?.Change(_period, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed between the check and the change (from another thread when the silo is fenced).
        }
    }
}
