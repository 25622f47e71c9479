namespace CsmsCluster.Grains;

/// <summary>How the runtime drives a grain instance; implemented by <see cref="Grain"/>, not by grain code.</summary>
public interface IGrainLifecycle
{
    /// <summary>Binds the instance to its activation before any other member is used.</summary>
    void Attach(IGrainContext context);

    /// <summary>Runs activation: loads state (for <see cref="Grain{TState}"/>), then <see cref="Grain.OnActivateAsync"/>.</summary>
    Task ActivateAsync(CancellationToken cancellationToken);

    /// <summary>Runs <see cref="Grain.OnDeactivateAsync"/>.</summary>
    Task DeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken);
}
