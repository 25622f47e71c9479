namespace CsmsCluster.Grains;

/// <summary>
/// Base class of grain implementations. One activation runs one turn at a time: code after an <c>await</c> never
/// runs in parallel with another turn of the same activation (G3). Constructor parameters come from DI.
/// </summary>
public abstract class Grain : IGrainLifecycle
{
    private IGrainContext? _context;

    /// <summary>The runtime context of this activation.</summary>
    protected IGrainContext GrainContext =>
        _context ?? throw new InvalidOperationException("The grain is not attached to an activation yet.");

    /// <summary>The identity of this grain.</summary>
    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>A factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>The grain's string key.</summary>
    public string GetPrimaryKeyString() => GrainContext.GrainId.Key;

    /// <summary>Called once when the activation starts, before any call; a throw discards the activation.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once when the activation ends (not when it is fenced or stale).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Registers a timer that runs as a turn (see <see cref="IGrainContext.RegisterTimer"/>).</summary>
    protected IDisposable RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        GrainContext.RegisterTimer(callback, dueTime, period);

    /// <summary>Asks the runtime to deactivate this activation after the current turn.</summary>
    protected void DeactivateOnIdle() => GrainContext.DeactivateOnIdle();

    /// <summary>Keeps this activation from idle deactivation for at least <paramref name="period"/> from now.</summary>
    /// <param name="period">How long to stay active.</param>
    protected void DelayDeactivation(TimeSpan period) => GrainContext.DelayDeactivation(period);

    void IGrainLifecycle.Attach(IGrainContext context) => _context = context;

    Task IGrainLifecycle.ActivateAsync(CancellationToken cancellationToken) => ActivateCoreAsync(cancellationToken);

    Task IGrainLifecycle.DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        OnDeactivateAsync(reason, cancellationToken);

    /// <summary>Activation sequence; <see cref="Grain{TState}"/> loads its state before <see cref="OnActivateAsync"/>.</summary>
    private protected virtual Task ActivateCoreAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);
}
