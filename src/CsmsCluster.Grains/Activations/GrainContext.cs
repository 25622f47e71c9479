using CsmsCluster.Grains.State;

namespace CsmsCluster.Grains.Activations;

/// <summary>The runtime's <see cref="IGrainContext"/> for one activation: identity, timers, state, deactivation.</summary>
internal sealed class GrainContext : IGrainContext
{
    private readonly GrainActivation _activation;
    private readonly ActivationServices _services;

    public GrainContext(GrainActivation activation, ActivationServices services)
    {
        _activation = activation;
        _services = services;
        Timers = new ActivationTimers(activation, services.TimeProvider);
        State = new GrainStateStore(activation, services);
    }

    public GrainId GrainId => _activation.GrainId;

    public IGrainFactory GrainFactory => _services.GrainFactory;

    public TimeProvider TimeProvider => _services.TimeProvider;

    public ActivationTimers Timers { get; }

    public GrainStateStore State { get; }

    public IDisposable RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Timers.Register(callback, dueTime, period);

    public void DeactivateOnIdle() => _activation.RequestDeactivation(DeactivationReason.Requested);

    public void DelayDeactivation(TimeSpan period) => _activation.DelayDeactivation(period);

    public Task<TState?> ClaimStateAsync<TState>(CancellationToken cancellationToken)
        where TState : class => State.ClaimAsync<TState>(cancellationToken);

    public Task WriteStateAsync<TState>(TState state, CancellationToken cancellationToken)
        where TState : class => State.WriteAsync(state, cancellationToken);

    public Task ClearStateAsync(CancellationToken cancellationToken) => State.ClearAsync(cancellationToken);
}
