namespace CsmsCluster.Grains.Cluster;

/// <summary>Fences this silo's <see cref="GrainRuntime"/>: refuses calls and drops activations (<see cref="GrainRuntime.FenceAll"/>).</summary>
/// <param name="runtime">The silo's runtime.</param>
public sealed class GrainRuntimeSiloFence(GrainRuntime runtime) : ISiloFence
{
    /// <inheritdoc />
    public void Fence(string reason)
    {
        runtime.StopAcceptingCalls();
        runtime.FenceAll();
    }
}
