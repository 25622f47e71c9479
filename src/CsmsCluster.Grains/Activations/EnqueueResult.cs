namespace CsmsCluster.Grains.Activations;

/// <summary>What an activation did with offered work.</summary>
internal enum EnqueueResult
{
    /// <summary>Queued or started; it will run or fail through its own completion.</summary>
    Accepted,

    /// <summary>The mailbox is full; the work was not taken.</summary>
    Overloaded,

    /// <summary>The activation is (about to be) deactivating; wait for it to end and offer the work to a fresh one.</summary>
    Deactivating,
}
