namespace CsmsCluster.Contracts;

/// <summary>The charge point's answer to a connection attempt.</summary>
/// <param name="Result">Whether the upgrade is accepted, and if not why.</param>
/// <param name="HasQueuedCommands">Commands wait for this charger: the gateway starts
/// <see cref="IChargePointGrain.DeliverQueuedAsync"/> once the socket is open.</param>
public sealed record ConnectDecision(ConnectResult Result, bool HasQueuedCommands = false);
