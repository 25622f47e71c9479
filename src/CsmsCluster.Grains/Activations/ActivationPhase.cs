namespace CsmsCluster.Grains.Activations;

/// <summary>Lifecycle of one activation; it only moves forward.</summary>
internal enum ActivationPhase
{
    Created,
    Activating,
    Active,
    Deactivating,
    Deactivated,
}
