namespace CsmsCluster.Grains.Cluster;

/// <summary>Where this silo's membership agent is in its life.</summary>
public enum SiloAgentState
{
    /// <summary>Not started.</summary>
    Created,

    /// <summary>Joining the cluster.</summary>
    Joining,

    /// <summary>Active: heartbeating, probing, refreshing the view.</summary>
    Active,

    /// <summary>Leaving gracefully.</summary>
    ShuttingDown,

    /// <summary>Left (Dead in the table) after a graceful shutdown.</summary>
    Left,

    /// <summary>Fenced: lease lost or declared dead. Final; a new process start joins with a new id.</summary>
    Fenced,
}
