namespace CsmsCluster.Grains.Cluster;

/// <summary>What the membership agent calls when this silo must stop hosting grains at once (lease lost or declared dead).</summary>
public interface ISiloFence
{
    /// <summary>Stops running turns and drops every activation without writing state. Must not block.</summary>
    /// <param name="reason">Why, for the log.</param>
    void Fence(string reason);
}
