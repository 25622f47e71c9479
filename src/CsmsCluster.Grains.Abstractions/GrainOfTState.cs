namespace CsmsCluster.Grains;

/// <summary>A grain with durable state, claimed on activation and written with version fencing.</summary>
/// <typeparam name="TState">The state type; must be serialisable with the registered JSON type info.</typeparam>
public abstract class Grain<TState> : Grain
    where TState : class, new()
{
    /// <summary>The current state; loaded before <see cref="Grain.OnActivateAsync"/>.</summary>
    protected TState State { get; set; } = new();

    /// <summary>Writes <see cref="State"/>. Throws <see cref="InconsistentStateException"/> if this activation is stale.</summary>
    protected Task WriteStateAsync(CancellationToken cancellationToken = default) =>
        GrainContext.WriteStateAsync(State, cancellationToken);

    /// <summary>Clears the stored state and resets <see cref="State"/> to a new instance.</summary>
    protected async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await GrainContext.ClearStateAsync(cancellationToken);
        State = new TState();
    }

    private protected override async Task ActivateCoreAsync(CancellationToken cancellationToken)
    {
        State = await GrainContext.ClaimStateAsync<TState>(cancellationToken) ?? new TState();
        await OnActivateAsync(cancellationToken);
    }
}
