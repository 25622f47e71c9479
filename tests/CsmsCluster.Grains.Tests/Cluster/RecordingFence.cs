using CsmsCluster.Grains.Cluster;

namespace CsmsCluster.Grains.Tests.Cluster;

/// <summary>Records the reasons the agent fenced for; a real silo would drop its activations here.</summary>
internal sealed class RecordingFence : ISiloFence
{
    private readonly List<string> _reasons = [];

    public IReadOnlyList<string> Reasons
    {
        get
        {
            lock (_reasons)
            {
                return [.. _reasons];
            }
        }
    }

    public void Fence(string reason)
    {
        lock (_reasons)
        {
            _reasons.Add(reason);
        }
    }
}
