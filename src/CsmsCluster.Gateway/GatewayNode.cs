namespace CsmsCluster.Gateway;

/// <summary>
/// This process's identity as a gateway node. A new id per process start means a socket recorded by a previous run
/// of the node is known to be gone.
/// </summary>
public sealed class GatewayNode
{
    private long _nextConnectionId;

    /// <summary>Creates the identity of this process.</summary>
    public GatewayNode()
        : this($"{Environment.MachineName}-{Guid.NewGuid():N}")
    {
    }

    /// <summary>Creates the identity with a given id (in a cluster: the node's silo id in the membership table).</summary>
    public GatewayNode(string nodeId)
    {
        ArgumentException.ThrowIfNullOrEmpty(nodeId);
        NodeId = nodeId;
    }

    /// <summary>The node id, unique per process start.</summary>
    public string NodeId { get; }

    /// <summary>A connection id unique on this node.</summary>
    public long NextConnectionId() => Interlocked.Increment(ref _nextConnectionId);
}
